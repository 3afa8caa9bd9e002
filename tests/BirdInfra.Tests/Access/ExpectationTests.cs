using System.Text.Json;
using BirdInfra.Tests.Support;

namespace BirdInfra.Tests.Access;

/// <summary>
/// `accessKeys.&lt;key&gt;.expect`: a key that breaks an expectation is refused by validate, preview and up (exit 1, located,
/// nothing sent), and an expectation only steers BirdInfra: editing it plans no change to the key.
/// </summary>
public sealed class ExpectationTests : IDisposable
{
    private const string Roles = "    roles: [contact-center]\n";

    private readonly string _root = Directory.CreateTempSubdirectory("birdinfra-expect-").FullName;

    public ExpectationTests() => Directory.CreateDirectory(Path.Combine(_root, "stacks"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>The scenario with an expect block on its key.</summary>
    private static string WithExpect(string stack, params string[] lines)
    {
        stack = stack.Replace("\r\n", "\n", StringComparison.Ordinal);
        stack.Should().Contain(Roles);
        return stack.Replace(Roles, Roles + "    expect:\n" + string.Concat(lines.Select(l => "      " + l + "\n")), StringComparison.Ordinal);
    }

    /// <summary>What the scenario's target and secrets read, so that validate checks everything.</summary>
    private static readonly Dictionary<string, string?> Environment = new()
    {
        ["BIRD_ORGANIZATION_ID"] = "6f0c0000-0000-4000-8000-000000000001",
        ["BIRD_WORKSPACE_ID"] = "3b1e0000-0000-4000-8000-000000000002",
        ["BIRD_ACCESS_KEY"] = "k",
        ["WHATSAPP_ACCESS_TOKEN"] = "t",
        ["BIRD_WEBHOOK_SIGNING_KEY"] = "s",
    };

    private static string Widened(string stack) => stack.Replace("      - /workspaces/*/channels/*\n", "      - /workspaces/**\n", StringComparison.Ordinal);

    private static readonly string[] SeedIntent =
    [
        "allow: [\"POST /workspaces/*/channels/*/messages\", \"GET /workspaces/*/channels/*\", \"DELETE /organizations/${organizationId}/workspaces/*/webhook-subscriptions/*\"]",
        "deny: [\"DELETE /workspaces/*/connectors/*\", \"POST /organizations/${organizationId}/access-keys\", \"GET /workspaces/*/conversations\"]",
    ];

    [Fact]
    public async Task Validate_WhenWideningBreaksADenyExpectation_ExitsOne_AtTheExpectation_NamingTheDefinition()
    {
        var yaml = Widened(WithExpect(ScenarioStack.Yaml.Replace("{{endpoint}}", "https://api.bird.com", StringComparison.Ordinal), SeedIntent));
        File.WriteAllText(Path.Combine(_root, "stacks", "scenario.yaml"), yaml);
        var expectLine = yaml.Split('\n').ToList().FindIndex(l => l.Contains("deny: [", StringComparison.Ordinal)) + 1;

        var run = await CliRunner.RunAsync(_root, n => Environment.GetValueOrDefault(n), "validate", "--stack", "scenario");

        run.ExitCode.Should().Be(1, run.All);
        run.Error.Should().MatchRegex($@"scenario\.yaml:{expectLine}:\d+: error BI102: Access key 'contact-center' is expected to be denied GET /workspaces/\*/conversations, but policy 'contact-center' definitions\[1\] \(.*scenario\.yaml:18\) allows it");
        run.Error.Should().Contain("(at accessKeys.contact-center.expect.deny[2])").And.Contain("1 problem found").And.Contain("nothing was sent to Bird");
        run.Error.Should().NotContain("deny[0]", "deleting connectors stays denied: the widened row is view only");
    }

    [Fact]
    public async Task Validate_OnTheSeedIntent_Succeeds_AndAMalformedItemIsLocated()
    {
        var valid = WithExpect(ScenarioStack.Yaml.Replace("{{endpoint}}", "https://api.bird.com", StringComparison.Ordinal), SeedIntent);
        File.WriteAllText(Path.Combine(_root, "stacks", "ok.yaml"), valid);
        File.WriteAllText(Path.Combine(_root, "stacks", "bad.yaml"), WithExpect(ScenarioStack.Yaml.Replace("{{endpoint}}", "https://api.bird.com", StringComparison.Ordinal), "allow: [\"SEND /x\", \"GET /workspaces/**\", \"GET /x/${channelId}\"]"));

        var ok = await CliRunner.RunAsync(_root, n => Environment.GetValueOrDefault(n), "validate", "--stack", "ok");
        var bad = await CliRunner.RunAsync(_root, n => Environment.GetValueOrDefault(n), "validate", "--stack", "bad");

        ok.ExitCode.Should().Be(0, ok.All);
        bad.ExitCode.Should().Be(1, bad.All);
        bad.Error.Should().Contain("error BI101: 'SEND /x'").And.Contain("(at accessKeys.contact-center.expect.allow[1])").And.Contain("(at accessKeys.contact-center.expect.allow[2])");
    }

    [Fact]
    public async Task PreviewAndUp_WhenAKeyBreaksItsExpectation_ExitOne_Located_AndSendNothing()
    {
        await using var ws = await StackWorkspace.CreateAsync(Widened(WithExpect(ScenarioStack.Yaml, SeedIntent)));
        await ws.ResetCallLogAsync();

        var preview = await ws.RunAsync("preview", "--stack", "e2e");
        var up = await ws.RunAsync("up", "--stack", "e2e", "--yes");

        foreach (var run in new[] { preview, up })
        {
            run.ExitCode.Should().Be(1, run.All);
            run.Error.Should().MatchRegex(@"e2e\.yaml:\d+:\d+: error BI102: .*definitions\[1\].*\(at accessKeys\.contact-center\.expect\.deny\[2\]\)");
        }

        (await ws.CallsAsync()).Should().BeEmpty("a refused stack sends nothing to Bird, not even reads");
    }

    [Fact]
    public async Task EditingOnlyAnExpectation_PlansNoChange_AndUpSendsNoMutatingCall()
    {
        await using var ws = await StackWorkspace.CreateAsync(WithExpect(ScenarioStack.Yaml, SeedIntent));
        var first = await ws.RunAsync("up", "--stack", "e2e", "--yes");
        first.ExitCode.Should().Be(0, first.All);

        ws.WriteStack(WithExpect(ScenarioStack.Yaml, "allow: [\"POST /workspaces/*/verify\"]", "deny: [\"DELETE /organizations/${organizationId}/iam-roles/*\"]"));
        await ws.ResetCallLogAsync();
        var preview = await ws.RunAsync("preview", "--stack", "e2e", "--json");
        var up = await ws.RunAsync("up", "--stack", "e2e", "--yes");

        preview.ExitCode.Should().Be(0, preview.All);
        var summary = JsonDocument.Parse(preview.Out).RootElement.GetProperty("summary");
        foreach (var action in new[] { "create", "update", "replace", "delete" })
        {
            summary.GetProperty(action).GetInt32().Should().Be(0, action);
        }

        up.ExitCode.Should().Be(0, up.All);
        (await ws.MutatingCallsAsync()).Should().BeEmpty();
    }
}
