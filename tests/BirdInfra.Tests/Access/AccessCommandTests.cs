using System.Text.Json;
using BirdInfra.Tests.Support;

namespace BirdInfra.Tests.Access;

/// <summary>`birdinfra access` offline on the scenario stack: what the key can do, after the classic widening edit of one policy resource.</summary>
public sealed class AccessCommandTests : IDisposable
{
    private const string Narrow = "      - /workspaces/*/channels/*\n";
    private const string Wide = "      - /workspaces/**\n";

    private readonly string _root = Directory.CreateTempSubdirectory("birdinfra-access-").FullName;

    public AccessCommandTests() => Directory.CreateDirectory(Path.Combine(_root, "stacks"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static string Scenario => ScenarioStack.Yaml.Replace("{{endpoint}}", "https://api.bird.com", StringComparison.Ordinal).Replace("\r\n", "\n", StringComparison.Ordinal);

    private void Write(string yaml) => File.WriteAllText(Path.Combine(_root, "stacks", "scenario.yaml"), yaml);

    private Task<CliRun> RunAsync(params string[] args) => CliRunner.RunAsync(_root, _ => null, args);

    /// <summary>The scenario with `/workspaces/*/channels/*` widened to `/workspaces/**` (view).</summary>
    private void WriteWidened()
    {
        Scenario.Should().Contain(Narrow);
        Write(Scenario.Replace(Narrow, Wide, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("text", "access-widened.txt")]
    [InlineData("markdown", "access-widened.md")]
    [InlineData("json", "access-widened.json")]
    public async Task Access_AfterWideningAResourceToDoubleStar_ShowsEveryRowAndWhatTheKeyNowMayRead(string format, string golden)
    {
        WriteWidened();

        var run = await RunAsync("access", "--stack", "scenario", "--format", format);

        run.ExitCode.Should().Be(0, run.All);
        run.Error.Should().BeEmpty();
        Golden.Match(run.Out, "Access", "Golden", golden);
    }

    [Fact]
    public async Task Access_AfterWidening_TheKeyMayReadConnectorsAndConversations_ButStillNotDeleteThem()
    {
        Write(Scenario);
        var before = Operations(await RunAsync("access", "--stack", "scenario", "--json"));
        WriteWidened();
        var after = Operations(await RunAsync("access", "--stack", "scenario", "--json"));

        before["GET /workspaces/*/conversations"].Should().BeFalse();
        after["GET /workspaces/*/conversations"].Should().BeTrue();
        after["GET /workspaces/*/connectors/*"].Should().BeTrue();
        after["DELETE /workspaces/*/connectors/*"].Should().BeFalse("the widened row is view only");
        after["POST /workspaces/*/channels/*/messages"].Should().BeTrue();
    }

    [Fact]
    public async Task AccessRequest_Json_NamesTheDecidingDefinition_OrNullWhenDeniedByDefault()
    {
        WriteWidened();

        var run = await RunAsync(
            "access", "--stack", "scenario", "--json",
            "--request", "GET /workspaces/*/connectors/*",
            "--request", "DELETE /workspaces/*/connectors/*",
            "--request", "POST /workspaces/w1/verify");

        run.ExitCode.Should().Be(0, run.All);
        Golden.Match(run.Out, "Access", "Golden", "access-requests.json");
        var requests = JsonDocument.Parse(run.Out).RootElement.GetProperty("requests").EnumerateArray().ToList();
        requests[0].GetProperty("decidedBy").GetProperty("resource").GetString().Should().Be("/workspaces/**");
        requests[1].GetProperty("allowed").GetBoolean().Should().BeFalse();
        requests[1].GetProperty("decidedBy").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task Access_OnAnUnknownKey_OrABadRequest_ExitsOne_WithAMessage()
    {
        Write(Scenario);

        var key = await RunAsync("access", "--stack", "scenario", "--key", "nope");
        var request = await RunAsync("access", "--stack", "scenario", "--request", "FETCH /x");

        key.ExitCode.Should().Be(1);
        key.Error.Should().Contain("no access key 'nope'").And.Contain("contact-center");
        request.ExitCode.Should().Be(1);
        request.Error.Should().Contain("\"METHOD PATH\"");
        (key.All + request.All).Should().NotContain("   at ");
    }

    private static Dictionary<string, bool> Operations(CliRun run)
    {
        run.ExitCode.Should().Be(0, run.All);
        var key = JsonDocument.Parse(run.Out).RootElement.GetProperty("keys").EnumerateArray().Single();
        return key.GetProperty("operations").EnumerateArray()
            .ToDictionary(o => $"{o.GetProperty("method").GetString()} {o.GetProperty("path").GetString()}", o => o.GetProperty("allowed").GetBoolean());
    }
}
