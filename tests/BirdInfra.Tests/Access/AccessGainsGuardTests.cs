using System.Text.Json;
using BirdInfra.Tests.Support;

namespace BirdInfra.Tests.Access;

/// <summary>`guards.accessGains`: a plan that widens an existing key's access is stopped (block) or reported (warn).</summary>
public sealed class AccessGainsGuardTests
{
    private const string Narrow = "      - /workspaces/*/channels/*\n";
    private const string Wide = "      - /workspaces/**\n";

    private static string WithGuard(string value) => ScenarioStack.Yaml.Replace("\r\n", "\n", StringComparison.Ordinal) + $"\nguards:\n  accessGains: {value}\n";

    [Fact]
    public async Task Block_LetsTheFirstUpThrough_ThenStopsAWideningPreviewAndUp_BeforeAnythingIsSent_AndWarnLetsItApply()
    {
        await using var ws = await StackWorkspace.CreateAsync(WithGuard("block"));
        var first = await ws.RunAsync("up", "--stack", "e2e", "--yes");
        first.ExitCode.Should().Be(0, "a new key is not a gain to guard: " + first.All);

        ws.EditStack(Narrow, Wide);
        await ws.ResetCallLogAsync();
        var preview = await ws.RunAsync("preview", "--stack", "e2e");
        var up = await ws.RunAsync("up", "--stack", "e2e", "--yes");

        foreach (var run in new[] { preview, up })
        {
            run.ExitCode.Should().Be(1, run.All);
            run.Error.Should().Contain("error: access key 'contact-center' gains view /workspaces/**").And.Contain("'read conversations' (GET /workspaces/*/conversations)");
            run.Error.Should().MatchRegex(@"guards\.accessGains: block \(.*e2e\.yaml:\d+:\d+\) stops");
        }

        (await ws.MutatingCallsAsync()).Should().BeEmpty();

        ws.EditStack("accessGains: block", "accessGains: warn");
        var warned = await ws.RunAsync("up", "--stack", "e2e", "--yes");
        warned.ExitCode.Should().Be(0, warned.All);
        warned.Error.Should().Contain("warning: access key 'contact-center' gains view /workspaces/**");
    }

    [Fact]
    public async Task UpPlan_RechecksBlock_RefusesASavedPlanThatWidensAKey_BeforeAnythingIsSent_UntilAllowAccessGains()
    {
        await using var ws = await StackWorkspace.CreateAsync(WithGuard("block"));
        (await ws.RunAsync("up", "--stack", "e2e", "--yes")).ExitCode.Should().Be(0);
        ws.EditStack(Narrow, Wide);
        var preview = await ws.RunAsync("preview", "--stack", "e2e", "--allow-access-gains", "--out", "plan.json");
        preview.ExitCode.Should().Be(0, "--allow-access-gains lets the preview through: " + preview.All);
        preview.Error.Should().Contain("warning: access key 'contact-center' gains view /workspaces/**");
        var carried = JsonDocument.Parse(File.ReadAllText(Path.Combine(ws.Root, "plan.json"))).RootElement.GetProperty("preview").GetProperty("accessChanges");
        var change = carried.EnumerateArray().Single(c => c.GetProperty("key").GetString() == "contact-center");
        change.GetProperty("gains").EnumerateArray().Select(g => $"{g.GetProperty("action").GetString()} {g.GetProperty("resource").GetString()}").Should().Contain("view /workspaces/**");
        await ws.ResetCallLogAsync();

        var refused = await ws.RunAsync("up", "--stack", "e2e", "--plan", "plan.json", "--yes");

        refused.ExitCode.Should().Be(1, refused.All);
        refused.Error.Should().Contain("error: access key 'contact-center' gains view /workspaces/**");
        refused.Error.Should().MatchRegex(@"guards\.accessGains: block \(.*e2e\.yaml:\d+:\d+\) stops `birdinfra up --plan` before anything is sent");
        (await ws.MutatingCallsAsync()).Should().BeEmpty("the refused plan sends nothing");

        var allowed = await ws.RunAsync("up", "--stack", "e2e", "--plan", "plan.json", "--yes", "--allow-access-gains");

        allowed.ExitCode.Should().Be(0, allowed.All);
        allowed.Error.Should().Contain("warning: access key 'contact-center' gains view /workspaces/**").And.Contain("warning: --allow-access-gains goes past guards.accessGains: block");
        (await ws.MutatingCallsAsync()).Should().NotBeEmpty("the allowed plan is applied");
        (await ws.RunAsync("preview", "--stack", "e2e", "--detailed-exitcode")).ExitCode.Should().Be(0, "the saved plan converged the stack");
    }

    [Fact]
    public async Task Validate_AnotherValue_IsBI103_AtTheValue()
    {
        var root = Directory.CreateTempSubdirectory("birdinfra-gains-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "stacks"));
            File.WriteAllText(Path.Combine(root, "stacks", "g.yaml"), "target: { endpoint: emulator }\nguards:\n  accessGains: stop\n");

            var run = await CliRunner.RunAsync(root, _ => null, "validate", "--stack", "g");

            run.ExitCode.Should().Be(1, run.All);
            run.Error.Should().Contain("g.yaml:3:16: error BI103: accessGains must be warn or block").And.Contain("(at guards.accessGains)");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
