using System.Text.Json.Nodes;
using BirdInfra.Providers.AccessKey;
using BirdInfra.Providers.Client;
using Flurl.Http.Testing;

namespace BirdInfra.Providers.Tests.Client;

/// <summary>The client's HTTP and JSON stack: Flurl.Http 4 with its URL builder and System.Text.Json, and the JSON rules Bird's reads rely on.</summary>
public sealed class BirdClientStackTests
{
    [Fact]
    public void Client_IsBuiltOnFlurlHttp4AndSystemTextJson_WithoutNewtonsoft()
    {
        var references = typeof(BirdClient).Assembly.GetReferencedAssemblies();

        references.Should().ContainSingle(a => a.Name == "Flurl.Http").Which.Version!.Major.Should().Be(4);
        references.Should().ContainSingle(a => a.Name == "Flurl").Which.Version!.Major.Should().Be(4);
        references.Should().NotContain(a => a.Name == "Newtonsoft.Json");
    }

    [Fact]
    public async Task Url_EscapesEachSegmentFully_AndEncodesTheQuery()
    {
        using var http = new HttpTest();
        http.Respond(200, "{\"results\":[]}");
        using var c = new RecordingClient(endpoint: new Uri("https://api.bird.test/base/"));

        await c.Client.GetAsync<JsonObject>(BirdPaths.Of("workspaces", "w 1", "connectors", "a/b?c#d%"), [new("templateRef", "whatsapp:1 & more")], CancellationToken.None);

        BirdPaths.Of("workspaces", "a/b").Should().Be("/workspaces/a%2Fb", "a '/' in an id cannot reach another path");
        http.CallLog.Single().HttpRequestMessage.RequestUri!.AbsoluteUri.Should().Be(
            "https://api.bird.test/base/workspaces/w%201/connectors/a%2Fb%3Fc%23d%25?templateRef=whatsapp%3A1%20%26%20more");
    }

    [Fact]
    public async Task Reads_AreTolerant_CaseInsensitiveNamesNumbersAsTextUnknownFieldsIgnored()
    {
        using var http = new HttpTest();
        http.Respond(200, """{"ID":"k1","name":"ops","description":null,"type":"user","suffix":1234,"roleRefs":[{"id":"r1","type":"organization","workspaces":null}],"extra":{"a":[1,2]}}""");
        using var c = new RecordingClient();

        var key = await c.Client.GetAsync<AccessKeyWire>("/organizations/o/access-keys/k1", CancellationToken.None);

        key.Id.Should().Be("k1");
        key.Suffix.Should().Be("1234", "a number where Bird documents a string is read as its text, as Newtonsoft.Json did");
        key.Description.Should().BeNull();
        key.RoleRefs.Should().ContainSingle().Which.Workspaces.Should().BeNull();
    }

    [Fact]
    public async Task Writes_OmitNulls_KeepDictionaryKeysAsGiven_AndWriteNumbersAsNumbers()
    {
        using var http = new HttpTest();
        http.Respond(201, "{\"id\":\"x\"}");
        using var c = new RecordingClient();

        await c.Client.PostAsync<JsonObject>(
            "/x",
            new { Name = "n", Template = (string?)null, Arguments = new Dictionary<string, string> { ["wabaId"] = "1", ["PhoneId"] = "2" }, Limit = 5 },
            CancellationToken.None);

        http.ShouldHaveCalled("*/x").WithRequestBody("""{"name":"n","arguments":{"wabaId":"1","PhoneId":"2"},"limit":5}""");
    }
}
