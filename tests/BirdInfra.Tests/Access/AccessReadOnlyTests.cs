using BirdInfra.Tests.EndToEnd;
using BirdInfra.Tests.Support;

namespace BirdInfra.Tests.Access;

/// <summary>`birdinfra access` after `up` of the scenario: every format and request mode sends nothing to Bird and prints no secret.</summary>
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
}
