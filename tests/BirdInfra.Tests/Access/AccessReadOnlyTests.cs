using System.Text.Json;
using BirdInfra.Tests.EndToEnd;
using BirdInfra.Tests.Support;

namespace BirdInfra.Tests.Access;

/// <summary>
/// `birdinfra access` after `up` of the scenario: every format and request mode sends nothing to Bird and prints no
/// secret; `--probe` checks every operation live with the key's token, and no probe that could change Bird succeeds.
/// </summary>
public sealed class AccessReadOnlyTests(AppliedScenario scenario) : IClassFixture<AppliedScenario>
{
    [Fact]
    public async Task Access_InEveryOutput_CallsBirdNever_AndPrintsNoSecret()
    {
        var ws = scenario.Workspace;
        await ws.ResetCallLogAsync();
        string[][] runs =
        [
            ["access", "--stack", "e2e"],
            ["access", "--stack", "e2e", "--format", "markdown"],
            ["access", "--stack", "e2e", "--json"],
            ["access", "--stack", "e2e", "--key", "contact-center", "--request", "POST /workspaces/*/channels/*/messages", "--request", "DELETE /workspaces/*/connectors/*"],
            ["access", "--stack", "e2e", "--json", "--request", $"GET /workspaces/{ws.Emulator.WorkspaceId}/channels/*"],
        ];

        foreach (var args in runs)
        {
            var run = await ws.RunAsync(args);
            run.ExitCode.Should().Be(0, run.All);
            foreach (var secret in ws.KnownSecrets.Append(scenario.Token))
            {
                run.All.Should().NotContain(secret, string.Join(' ', args));
            }
        }

        (await ws.CallsAsync()).Should().BeEmpty("access computes from the stack file alone");
    }

    [Fact]
    public async Task AccessProbe_AfterUp_EveryRowAgrees_NoMutatingProbeAnswers2xx_AndNoSecretIsPrinted()
    {
        var ws = scenario.Workspace;
        await ws.ResetCallLogAsync();

        var json = await ws.RunAsync("access", "--stack", "e2e", "--probe", "--json");
        var text = await ws.RunAsync("access", "--stack", "e2e", "--probe");

        json.ExitCode.Should().Be(0, json.All);
        text.ExitCode.Should().Be(0, text.All);
        var probes = JsonDocument.Parse(json.Out).RootElement.GetProperty("probes").EnumerateArray().ToList();
        probes.Should().HaveCountGreaterThanOrEqualTo(35).And.OnlyContain(p => p.GetProperty("agrees").GetBoolean());
        probes.Should().Contain(p => p.GetProperty("denied").GetBoolean()).And.Contain(p => !p.GetProperty("denied").GetBoolean());
        text.Error.Should().Contain("probes agree with what BirdInfra computes");

        var calls = (await ws.GetAsync("/_emulator/calls")).GetProperty("results").EnumerateArray()
            .Select(c => (Method: c.GetProperty("method").GetString()!, Status: c.GetProperty("status").GetInt32()))
            .ToList();
        calls.Should().Contain(c => c.Status == 403, "the probes reached Bird");
        calls.Where(c => c.Method is not ("GET" or "HEAD" or "OPTIONS")).Should().OnlyContain(c => c.Status < 200 || c.Status >= 300, "no probe may change Bird");
        foreach (var secret in ws.KnownSecrets.Append(scenario.Token))
        {
            (json.All + text.All).Should().NotContain(secret);
        }
    }
}
