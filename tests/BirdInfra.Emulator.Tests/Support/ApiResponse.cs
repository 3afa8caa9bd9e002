using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace BirdInfra.Emulator.Tests.Support;

/// <summary>A response as the tests see it: status, raw text, parsed JSON and headers.</summary>
public sealed record ApiResponse(int Status, string Text, JsonNode? Json, HttpResponseHeaders Headers)
{
    public JsonNode Body => Json ?? throw new InvalidOperationException($"HTTP {Status} had no JSON body");

    public string Id => Body["id"]!.GetValue<string>();

    public ApiResponse ShouldBe(int status, string because = "")
    {
        Status.Should().Be(status, "{0} (the response body was {1})", because, Text);
        return this;
    }

    /// <summary>Asserts Bird's error shape and code.</summary>
    public ApiResponse ShouldBeError(int status, string code, string because = "")
    {
        ShouldBe(status, because);
        Body["code"]!.GetValue<string>().Should().Be(code);
        Body["message"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
        return this;
    }

    public IReadOnlyList<JsonNode> Results => Body["results"]!.AsArray().Select(n => n!).ToList();

    public IReadOnlyList<string> ResultIds => Results.Select(r => r["id"]!.GetValue<string>()).ToList();
}
