using System.Text.Json;
using BirdInfra.Tests.Support;
using Xunit.Abstractions;

namespace BirdInfra.Tests.EndToEnd;

/// <summary>
/// `preview --out` then `up --plan` against the emulator: the saved plan is applied exactly (Bird sees the plan's operations
/// and the reads a preview makes, nothing else), refused with no mutating call after each kind of staleness, and holds no secret.
/// </summary>
public sealed class SavedPlanTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string ChannelsUrl = "https://contact-center.example.com/bird/channels";

    private StackWorkspace _ws = null!;

    private string PlanFile => Path.Combine(_ws.Root, "plan.json");

    public async Task InitializeAsync() => _ws = await StackWorkspace.CreateAsync();

    public async Task DisposeAsync() => await _ws.DisposeAsync();

    [Fact]
    public async Task SavedPlanOfTheFirstUp_IsAppliedExactly_WithOnlyItsSevenCreates_AndConverges()
    {
        var preview = await _ws.RunAsync("preview", "--stack", "e2e", "--out", "plan.json");
        preview.ExitCode.Should().Be(0, preview.All);
        await _ws.ResetCallLogAsync();

        var up = await _ws.RunAsync("up", "--stack", "e2e", "--plan", "plan.json", "--yes");

        up.ExitCode.Should().Be(0, up.All);
        up.Out.Should().Contain("Applied: 7 operation(s).");
        var calls = await _ws.CallsAsync();
        var mutating = calls.Where(c => c.Method != "GET").ToList();
        mutating.Should().HaveCount(7).And.OnlyContain(c => c.Method == "POST", "the plan holds 7 creates and nothing else");
        var reads = calls.Where(c => c.Method == "GET").ToList();
        reads.Should().OnlyContain(
            c => c.Path.Contains("/connectors/", StringComparison.Ordinal) || c.Path.Contains("/channels", StringComparison.Ordinal) || c.Path.EndsWith("/available-webhooks", StringComparison.Ordinal),
            "with no state there is nothing to read but the webhook catalogue (checked before anything is sent) and the connector's channel, which the create waits for");
        output.WriteLine($"first up from a saved plan: {mutating.Count} mutating calls for 7 planned creates, {reads.Count} reads (connector channel polls)");
        (await _ws.RunAsync("preview", "--stack", "e2e", "--detailed-exitcode")).ExitCode.Should().Be(0, "the saved plan converged the stack");
        await _ws.LearnMintedSecretsAsync();
        AssertNoKnownSecretIn(File.ReadAllText(PlanFile));
    }

    [Fact]
    public async Task SavedPlanOfAnUpdate_SendsOnlyThePlannedPatch_AndReadsWhatThePreviewRead()
    {
        (await _ws.RunAsync("up", "--stack", "e2e", "--yes")).ExitCode.Should().Be(0);
        _ws.EditStack(ChannelsUrl, ChannelsUrl + "-v2");
        await _ws.ResetCallLogAsync();
        var preview = await _ws.RunAsync("preview", "--stack", "e2e", "--format", "markdown", "--out", "plan.json");
        preview.ExitCode.Should().Be(0, preview.All);
        var previewCalls = await _ws.CallsAsync();
        await _ws.ResetCallLogAsync();

        var up = await _ws.RunAsync("up", "--stack", "e2e", "--plan", PlanFile, "--yes");

        up.ExitCode.Should().Be(0, up.All);
        var calls = await _ws.CallsAsync();
        calls.Where(c => c.Method != "GET").Should().ContainSingle().Which.Method.Should().Be("PATCH");
        calls.Where(c => c.Method == "GET").Should().BeEquivalentTo(previewCalls, "up --plan reads what the preview read (to check nothing moved; kinds are read in parallel, in any order) and never plans again");
        output.WriteLine($"update from a saved plan: {calls.Count(c => c.Method != "GET")} mutating call for 1 planned update, {calls.Count(c => c.Method == "GET")} reads (the preview made {previewCalls.Count})");
        (await _ws.RunAsync("preview", "--stack", "e2e", "--detailed-exitcode")).ExitCode.Should().Be(0);
    }

    [Theory]
    [InlineData(Staleness.StackFileEdited, "the stack file stacks/e2e.yaml was edited after the plan was made")]
    [InlineData(Staleness.StateChanged, "the state changed (serial")]
    [InlineData(Staleness.LiveObjectChanged, "WebhookSubscription.main-inbound (")]
    [InlineData(Staleness.SecretChanged, "Connector.main-number: the value of the secret accessToken changed after the plan was made")]
    public async Task StalePlan_IsRefusedWithExitOne_SaysWhatMoved_AndSendsNothing(Staleness staleness, string expected)
    {
        (await _ws.RunAsync("up", "--stack", "e2e", "--yes")).ExitCode.Should().Be(0);
        _ws.EditStack(ChannelsUrl, ChannelsUrl + "-v2");
        (await _ws.RunAsync("preview", "--stack", "e2e", "--out", "plan.json")).ExitCode.Should().Be(0);
        await MoveAsync(staleness);
        await _ws.ResetCallLogAsync();

        var up = await _ws.RunAsync("up", "--stack", "e2e", "--plan", "plan.json", "--yes");

        up.ExitCode.Should().Be(1, up.All);
        up.Error.Should().Contain("error: the plan").And.Contain("is stale; nothing was sent to Bird").And.Contain(expected);
        up.All.Should().NotContain("   at ", "no stack trace reaches the user");
        var mutating = (await _ws.CallsAsync()).Where(c => c.Method != "GET").ToList();
        mutating.Should().BeEmpty();
        output.WriteLine($"{staleness}: exit {up.ExitCode}, {mutating.Count} mutating calls; {up.Error.Split('\n').First(l => l.Contains(expected, StringComparison.Ordinal)).Trim()}");
    }

    [Fact]
    public async Task PlanFile_WithSecretsInItsChanges_HoldsNoKnownSecret_AndTheNewSecretIsAppliedFromTheEnvironment()
    {
        (await _ws.RunAsync("up", "--stack", "e2e", "--yes")).ExitCode.Should().Be(0);
        await _ws.LearnMintedSecretsAsync();
        const string rotated = "rotated-signing-key-0d15ea5e";
        _ws.Environment["BIRD_WEBHOOK_SIGNING_KEY"] = rotated;
        _ws.KnownSecrets.Add(rotated);

        var preview = await _ws.RunAsync("preview", "--stack", "e2e", "--json", "--out", "plan.json");
        preview.ExitCode.Should().Be(0, preview.All);
        JsonDocument.Parse(preview.Out).RootElement.GetProperty("summary").GetProperty("update").GetInt32().Should().Be(2, "two subscriptions take the signing key from the environment");
        var plan = File.ReadAllText(PlanFile);
        plan.Should().Contain("\"$secret\"").And.Contain("\"salt\"");
        AssertNoKnownSecretIn(plan);

        var up = await _ws.RunAsync("up", "--stack", "e2e", "--plan", "plan.json", "--yes");
        up.ExitCode.Should().Be(0, up.All);
        var (_, state) = await BirdInfra.State.StateStore.OpenAsync(_ws.StateFile, "e2e", StackWorkspace.Passphrase, CancellationToken.None);
        state.Resources.Single(r => r.Address.Name == "channel-created").Inputs["signingKey"]!.RevealString().Should().Be(rotated, "the secret resolved again at apply time is the one sent");
        (await _ws.RunAsync("preview", "--stack", "e2e", "--detailed-exitcode")).ExitCode.Should().Be(0);
        output.WriteLine($"plan file: {plan.Length} characters searched for {_ws.KnownSecrets.Count} known secrets: 0 found");
    }

    [Fact]
    public async Task PlanOfAnotherStack_OrNotAPlan_IsRefusedBeforeBirdIsRead()
    {
        File.WriteAllText(PlanFile, "{\"format\": \"something-else\"}");
        var notAPlan = await _ws.RunAsync("up", "--stack", "e2e", "--plan", "plan.json", "--yes");
        var missing = await _ws.RunAsync("up", "--stack", "e2e", "--plan", "missing.json", "--yes");

        notAPlan.ExitCode.Should().Be(1);
        notAPlan.Error.Should().Contain("is not a BirdInfra plan");
        missing.ExitCode.Should().Be(1);
        missing.Error.Should().Contain("No plan file");
        (await _ws.CallsAsync()).Should().BeEmpty();
    }

    private async Task MoveAsync(Staleness staleness)
    {
        switch (staleness)
        {
            case Staleness.StackFileEdited:
                _ws.EditStack("description: Used by the contact center", "description: Used by the contact center team");
                break;
            case Staleness.StateChanged:
                (await _ws.RunAsync("up", "--stack", "e2e", "--yes")).ExitCode.Should().Be(0);
                break;
            case Staleness.LiveObjectChanged:
                var subscriptions = _ws.OrgPath($"workspaces/{_ws.Emulator.WorkspaceId}/webhook-subscriptions");
                var inbound = (await _ws.ListAsync(subscriptions)).Single(s => s.GetProperty("event").GetString() == "whatsapp.inbound");
                await _ws.SendAsync(HttpMethod.Patch, $"{subscriptions}/{inbound.GetProperty("id").GetString()}", new { url = "https://changed-by-hand.example.com/hook" });
                break;
            case Staleness.SecretChanged:
                _ws.Environment["WHATSAPP_ACCESS_TOKEN"] = "EAAG-another-token-after-the-plan";
                break;
        }
    }

    private void AssertNoKnownSecretIn(string text)
    {
        foreach (var secret in _ws.KnownSecrets)
        {
            text.Should().NotContain(secret);
        }
    }
}
