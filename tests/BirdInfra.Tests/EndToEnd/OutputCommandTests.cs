using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using BirdInfra.Outputs;
using BirdInfra.Providers.Kinds;
using BirdInfra.Tests.Support;

namespace BirdInfra.Tests.EndToEnd;

/// <summary>`birdinfra output` after `up` of the scenario stack: outputs from state, secrets masked, no call to Bird.</summary>
public sealed class OutputCommandTests(AppliedScenario scenario) : IClassFixture<AppliedScenario>
{
    // Every registered kind's outputs, in the order `output` prints them (the five golden kinds' today).
    private static readonly string[] OutputNames = [.. StateOutputs.Declared(BirdKinds.Default).Select(o => o.Name)];

    private StackWorkspace Ws => scenario.Workspace;

    private string ChannelId => scenario.State.Resources.Single(r => r.Address.Kind == "Connector").Outputs["channelId"]!.AsString();

    [Fact]
    public async Task Output_PrintsEveryOutputAsText_WithTheTokenMasked()
    {
        var run = await Ws.RunAsync("output", "--stack", "e2e");

        run.ExitCode.Should().Be(0, run.All);
        TopLevelNames(run.Out).Should().Equal(OutputNames, "every registered kind's outputs are printed");
        Golden.Match(Normalise(OnlyOutputs(run.Out, GoldenKinds.FiveOutputNames)), "EndToEnd", "Golden", "output.txt");
        run.Error.Should().Contain("add --show-secrets");
        run.All.Should().NotContain(scenario.Token);
    }

    [Fact]
    public async Task OutputJson_IsOneObjectWithEveryKindsOutputs_KeyedByLogicalName()
    {
        var run = await Ws.RunAsync("output", "--stack", "e2e", "--json");

        run.ExitCode.Should().Be(0, run.All);
        var json = JsonDocument.Parse(run.Out).RootElement;
        json.EnumerateObject().Select(p => p.Name).Should().Equal(OutputNames);
        OutputNames.Where(GoldenKinds.FiveOutputNames.Contains).Should().Equal(GoldenKinds.FiveOutputNames);
        foreach (var resource in scenario.State.Resources.Where(r => r.Address.Kind is "AccessKey" or "Connector" or "WebhookSubscription"))
        {
            var ids = json.GetProperty(char.ToLowerInvariant(resource.Address.Kind[0]) + resource.Address.Kind[1..] + "Ids");
            ids.GetProperty(resource.Address.Name).GetString().Should().Be(resource.Id);
        }

        json.GetProperty("webhookSubscriptionIds").EnumerateObject().Select(p => p.Name).Should().Equal("channel-created", "main-inbound", "main-outbound");
        json.GetProperty("channelIds").GetProperty("main-number").GetString().Should().Be(ChannelId);
        json.GetProperty("accessKeyTokens").GetProperty("contact-center").GetString().Should().Be("[secret]");
        run.All.Should().NotContain(scenario.Token);
    }

    [Fact]
    public async Task OutputChannelIds_IsOneNameValueLinePerConnector_NamingTheChannelBirdCreated()
    {
        var run = await Ws.RunAsync("output", "--stack", "e2e", "channelIds");

        run.ExitCode.Should().Be(0, run.All);
        run.Out.Should().Be($"main-number: {ChannelId}{Environment.NewLine}");
        var live = (await Ws.ListAsync(Ws.WorkspacePath("connectors"))).Should().ContainSingle().Subject;
        live.GetProperty("channel").GetProperty("channelId").GetString().Should().Be(ChannelId);
    }

    [Fact]
    public async Task OutputAccessKeyTokens_WithShowSecrets_PrintsTheTokenItself_WhichAuthenticatesAgainstBird()
    {
        var run = await Ws.RunAsync("output", "--stack", "e2e", "accessKeyTokens", "--show-secrets");

        run.ExitCode.Should().Be(0, run.All);
        run.Out.Should().Be($"contact-center: {scenario.Token}{Environment.NewLine}");
        var token = run.Out.Trim()["contact-center: ".Length..];
        (await StatusWithTokenAsync(token)).Should().Be(HttpStatusCode.OK, "the key's policy allows viewing /workspaces/*/channels/*");
        (await StatusWithTokenAsync(token + "x")).Should().Be(HttpStatusCode.Unauthorized, "the emulator really checks the token");

        var json = await Ws.RunAsync("output", "--stack", "e2e", "accessKeyTokens", "--show-secrets", "--json");
        JsonDocument.Parse(json.Out).RootElement.GetProperty("contact-center").GetString().Should().Be(scenario.Token);
    }

    [Fact]
    public async Task Output_WithoutShowSecrets_NeverPrintsTheToken()
    {
        var runs = new[]
        {
            await Ws.RunAsync("output", "--stack", "e2e"),
            await Ws.RunAsync("output", "--stack", "e2e", "--json"),
            await Ws.RunAsync("output", "--stack", "e2e", "accessKeyTokens"),
            await Ws.RunAsync("output", "--stack", "e2e", "accessKeyTokens", "--json"),
        };

        runs.Should().OnlyContain(r => r.ExitCode == 0);
        runs.Should().OnlyContain(r => r.Out.Contains("[secret]") && !r.All.Contains(scenario.Token));
    }

    [Fact]
    public async Task Output_MakesNoCallToBird_AndTakesNoLock()
    {
        await Ws.ResetCallLogAsync();
        File.WriteAllText(Ws.LockFile, "{\"pid\":1,\"host\":\"elsewhere\",\"user\":\"ops\",\"command\":\"up\",\"since\":\"2025-01-02T03:04:05Z\"}");
        try
        {
            var text = await Ws.RunAsync("output", "--stack", "e2e");
            var json = await Ws.RunAsync("output", "--stack", "e2e", "--json", "--show-secrets");

            text.ExitCode.Should().Be(0, text.All);
            json.ExitCode.Should().Be(0, json.All);
            (await Ws.CallsAsync()).Should().BeEmpty("output reads state only");
            File.Exists(Ws.LockFile).Should().BeTrue("a lock another run holds is left alone");
        }
        finally
        {
            File.Delete(Ws.LockFile);
        }
    }

    [Fact]
    public async Task Output_UnknownName_ExitsOneListingTheOutputs()
    {
        var run = await Ws.RunAsync("output", "--stack", "e2e", "channelId");

        run.ExitCode.Should().Be(1);
        run.Out.Should().BeEmpty();
        run.Error.Should().Be($"error: Stack e2e has no output 'channelId'. Outputs: {string.Join(", ", OutputNames)}.{Environment.NewLine}");
    }

    [Fact]
    public async Task Output_WorksWhileTheEmulatorIsStopped()
    {
        await using var ws = await StackWorkspace.CreateAsync();
        (await ws.RunAsync("up", "--stack", "e2e", "--yes")).ExitCode.Should().Be(0);
        await ws.Emulator.DisposeAsync();

        var run = await ws.RunAsync("output", "--stack", "e2e", "connectorIds");

        run.ExitCode.Should().Be(0, run.All);
        run.Out.Should().MatchRegex(@"^main-number: \S+\r?\n$");
    }

    [Fact]
    public async Task Output_BeforeAnyUp_PrintsEmptyOutputs_AndSaysThereIsNoStateYet()
    {
        await using var ws = await StackWorkspace.CreateAsync();

        var text = await ws.RunAsync("output", "--stack", "e2e");
        var json = await ws.RunAsync("output", "--stack", "e2e", "--json");
        var one = await ws.RunAsync("output", "--stack", "e2e", "channelIds");

        text.ExitCode.Should().Be(0, text.All);
        text.Out.Should().Be(string.Concat(OutputNames.Select(n => $"{n}: (none){Environment.NewLine}")));
        text.Error.Should().Contain("Stack e2e has no state yet");
        json.ExitCode.Should().Be(0, json.All);
        JsonDocument.Parse(json.Out).RootElement.EnumerateObject().Should().HaveCount(OutputNames.Length).And.OnlyContain(p => !p.Value.EnumerateObject().Any());
        one.ExitCode.Should().Be(0, one.All);
        one.Out.Should().BeEmpty();
        Directory.Exists(Path.GetDirectoryName(ws.StateFile)).Should().BeFalse("output writes nothing");
    }

    /// <summary>The text output with what varies per run (ids Bird assigned) replaced by what they stand for.</summary>
    private static IEnumerable<string> TopLevelNames(string text) =>
        text.Split(Environment.NewLine).Where(l => l.Length > 0 && !l.StartsWith(' ')).Select(l => l[..l.IndexOf(':', StringComparison.Ordinal)]);

    /// <summary>The printed blocks of the named outputs only: the golden was written for the five kinds' outputs.</summary>
    private static string OnlyOutputs(string text, string[] names)
    {
        var kept = new System.Text.StringBuilder();
        var keep = false;
        foreach (var line in text.Split(Environment.NewLine).SkipLast(1))
        {
            if (!line.StartsWith(' '))
            {
                keep = names.Contains(line[..line.IndexOf(':', StringComparison.Ordinal)]);
            }

            if (keep)
            {
                kept.Append(line).Append(Environment.NewLine);
            }
        }

        return kept.ToString();
    }

    private string Normalise(string text)
    {
        foreach (var resource in scenario.State.Resources)
        {
            text = text.Replace(resource.Id, $"<id of {resource.Address}>", StringComparison.Ordinal);
        }

        return text.Replace(ChannelId, "<channel of main-number>", StringComparison.Ordinal);
    }

    private async Task<HttpStatusCode> StatusWithTokenAsync(string token)
    {
        using var http = new HttpClient { BaseAddress = Ws.Emulator.BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Get, Ws.WorkspacePath($"channels/{ChannelId}").TrimStart('/'));
        request.Headers.Authorization = new AuthenticationHeaderValue("AccessKey", token);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
