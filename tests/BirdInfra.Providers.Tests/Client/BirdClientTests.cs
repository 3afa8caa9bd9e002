using System.Net;
using System.Text.Json.Nodes;
using BirdInfra.Providers.Client;
using Flurl.Http.Testing;

namespace BirdInfra.Providers.Tests.Client;

/// <summary>Typed errors, pagination, 404 handling and secret hygiene of the Bird client.</summary>
public sealed class BirdClientTests
{
    [Fact]
    public async Task Error_CarriesCodeMessageDetailsAndOperation()
    {
        using var http = new HttpTest();
        http.Respond(422, "{\"code\":\"InvalidPayload\",\"message\":\"bad\",\"details\":{\".definitions[0].effect\":[\"must be allow or deny\"]}}");
        using var c = new RecordingClient();

        var ex = (await FluentActions.Awaiting(() => c.Client.PostAsync<JsonObject>("/organizations/o/iam-policies", new { name = "x" }, CancellationToken.None))
            .Should().ThrowAsync<BirdApiException>()).Which;

        ex.Operation.Should().Be("POST /organizations/o/iam-policies");
        ex.Details.Should().ContainKey(".definitions[0].effect").WhoseValue.Should().Equal("must be allow or deny");
        ex.Message.Should().Be("POST /organizations/o/iam-policies failed: 422 InvalidPayload: bad (.definitions[0].effect: must be allow or deny).");
    }

    [Fact]
    public async Task Error_WhenBodyIsNotJson_StillTyped()
    {
        using var http = new HttpTest();
        http.Respond(400, "<html>bad gateway</html>");
        using var c = new RecordingClient();

        var ex = (await FluentActions.Awaiting(() => c.Client.GetAsync<JsonObject>("/x", CancellationToken.None)).Should().ThrowAsync<BirdApiException>()).Which;

        ex.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        ex.Code.Should().BeNull();
    }

    [Fact]
    public async Task Error_NeverShowsTheAccessKeyOrRedactedBodySecrets()
    {
        using var http = new HttpTest();
        const string signingKey = "whsec-super-secret-value";
        http.Respond(422, $"{{\"code\":\"InvalidPayload\",\"message\":\"key {signingKey} and {RecordingClient.Token} rejected\",\"details\":{{\".signingKey\":[\"{signingKey}\"]}}}}");
        using var c = new RecordingClient();

        var ex = (await FluentActions.Awaiting(() => c.Client.PostAsync<JsonObject>("/x", new { signingKey }, [signingKey], CancellationToken.None))
            .Should().ThrowAsync<BirdApiException>()).Which;

        var everything = ex.ToString() + ex.Message + string.Join(",", ex.Details.SelectMany(d => d.Value));
        everything.Should().NotContain(signingKey).And.NotContain(RecordingClient.Token).And.Contain("[secret]");
    }

    [Fact]
    public async Task Timeout_ExceptionDoesNotLeakTheToken()
    {
        using var http = new HttpTest();
        http.SimulateTimeout();
        using var c = new RecordingClient(maxAttempts: 1);

        var ex = (await FluentActions.Awaiting(() => c.Client.GetAsync<JsonObject>("/x", CancellationToken.None)).Should().ThrowAsync<BirdApiException>()).Which;

        ex.ToString().Should().NotContain(RecordingClient.Token);
        (ex.InnerException?.ToString() ?? string.Empty).Should().NotContain(RecordingClient.Token);
    }

    [Fact]
    public void Options_ToStringMasksTheAccessKey()
    {
        var options = new BirdClientOptions(new Uri("https://api.bird.com"), new BirdAccessKey(RecordingClient.Token));

        options.ToString().Should().NotContain(RecordingClient.Token).And.Contain("[secret]");
        options.AccessKey.ToString().Should().Be("[secret]");
    }

    [Fact]
    public async Task ListAll_FollowsNextPageTokenWithPagesOf100()
    {
        using var http = new HttpTest();
        http.Respond(200, "{\"results\":[{\"id\":\"1\"},{\"id\":\"2\"}],\"nextPageToken\":\"t1\"}")
            .Respond(200, "{\"results\":[{\"id\":\"3\"}],\"nextPageToken\":\"\"}");
        using var c = new RecordingClient();

        var items = await c.Client.ListAllAsync<JsonObject>("/workspaces/w/connectors", [new("templateRef", "whatsapp:1")], CancellationToken.None);

        items.Select(i => i["id"]!.GetValue<string>()).Should().Equal("1", "2", "3");
        http.CallLog.Select(call => call.HttpRequestMessage.RequestUri!.ToString()).Should().Equal(
            "https://api.bird.test/workspaces/w/connectors?templateRef=whatsapp%3A1&limit=100",
            "https://api.bird.test/workspaces/w/connectors?templateRef=whatsapp%3A1&limit=100&pageToken=t1");
    }

    [Fact]
    public async Task GetOrNull_When404_ReturnsNull()
    {
        using var http = new HttpTest();
        http.Respond(404, "{\"code\":\"NotFound\"}");
        using var c = new RecordingClient();

        (await c.Client.GetOrNullAsync<JsonObject>("/x", CancellationToken.None)).Should().BeNull();
        http.CallLog.Should().HaveCount(1);
    }

    [Fact]
    public async Task Delete_When404_ReportsNothingDeleted()
    {
        using var http = new HttpTest();
        http.Respond(204, "").Respond(404, "{\"code\":\"NotFound\"}");
        using var c = new RecordingClient();

        (await c.Client.DeleteAsync("/x", CancellationToken.None)).Should().BeTrue();
        (await c.Client.DeleteAsync("/x", CancellationToken.None)).Should().BeFalse();
    }

    [Fact]
    public void Paths_EscapeSegments() =>
        BirdPaths.Of("workspaces", "a/b c", "connectors").Should().Be("/workspaces/a%2Fb%20c/connectors");
}
