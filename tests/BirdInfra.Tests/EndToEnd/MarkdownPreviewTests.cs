using BirdInfra.Tests.Support;

namespace BirdInfra.Tests.EndToEnd;

/// <summary>`preview --format markdown`, the pull-request comment, against the emulator: golden files for the scenario's first `up`, an update, a protected key's replacement and no changes.</summary>
public sealed class MarkdownPreviewTests : IAsyncLifetime
{
    private const string KeyDescription = "description: Used by the contact center";

    private StackWorkspace _ws = null!;

    public async Task InitializeAsync() => _ws = await StackWorkspace.CreateAsync();

    public async Task DisposeAsync() => await _ws.DisposeAsync();

    [Fact]
    public async Task MarkdownPreview_ForFirstUpUpdateProtectedReplacementAndNoChanges_MatchesGoldenFiles_WithoutSecrets()
    {
        _ws.WriteStack(ScenarioStack.Yaml + "\n\nguards:\n  protect: [accessKeys]\n");
        var first = await _ws.RunAsync("preview", "--stack", "e2e", "--format", "markdown");
        first.ExitCode.Should().Be(0, first.All);
        Golden.Match(_ws.Stable(first.Out), "EndToEnd", "Golden", "preview-first-up.md");
        (await _ws.RunAsync("up", "--stack", "e2e", "--yes")).ExitCode.Should().Be(0);
        await _ws.LearnMintedSecretsAsync();
        var ids = await LiveIdsAsync();

        _ws.EditStack("https://contact-center.example.com/bird/channels", "https://contact-center.example.com/bird/channels-v2");
        var update = await _ws.RunAsync("preview", "--stack", "e2e", "--format", "markdown");
        update.ExitCode.Should().Be(0, update.All);
        Golden.Match(_ws.Stable(update.Out, ids), "EndToEnd", "Golden", "preview-update.md");
        _ws.EditStack("https://contact-center.example.com/bird/channels-v2", "https://contact-center.example.com/bird/channels");

        _ws.EditStack(KeyDescription, KeyDescription + " (v2)");
        var replace = await _ws.RunAsync("preview", "--stack", "e2e", "--format", "markdown");
        replace.ExitCode.Should().Be(1, "guards stop the replacement of a protected key: " + replace.All);
        Golden.Match(_ws.Stable(replace.Out, ids), "EndToEnd", "Golden", "preview-protected-key-replacement.md");
        replace.Out.Should().Contain("### Guards stop this plan")
            .And.Contain("replacing the access key rotates its token");
        replace.Out.IndexOf("### Guards stop this plan", StringComparison.Ordinal).Should()
            .BeLessThan(replace.Out.IndexOf("### Changes", StringComparison.Ordinal), "guard violations come first");
        _ws.EditStack(KeyDescription + " (v2)", KeyDescription);

        var same = await _ws.RunAsync("preview", "--stack", "e2e", "--format", "markdown");
        same.ExitCode.Should().Be(0, same.All);
        Golden.Match(_ws.Stable(same.Out, ids), "EndToEnd", "Golden", "preview-no-changes.md");

        foreach (var run in new[] { first, update, replace, same })
        {
            foreach (var secret in _ws.KnownSecrets)
            {
                run.All.Should().NotContain(secret);
            }
        }
    }

    [Fact]
    public async Task MarkdownPreview_OfAConnectorPhoneNumberChange_SaysTheOldNumberIsDropped()
    {
        (await _ws.RunAsync("up", "--stack", "e2e", "--yes")).ExitCode.Should().Be(0);
        _ws.EditStack("phoneNumber: \"+31612345678\"", "phoneNumber: \"+31612345679\"");

        var preview = await _ws.RunAsync("preview", "--stack", "e2e", "--format", "markdown");

        preview.ExitCode.Should().Be(0, preview.All);
        preview.Out.Should().Contain("replacing the connector drops WhatsApp number +31612345678 from Bird (the new connector uses +31612345679)")
            .And.Contain("| replace | Connector | main-number | phoneNumber |");
    }

    [Fact]
    public async Task JsonFlag_IsFormatJson_AndCannotBeCombinedWithAnotherFormat()
    {
        var json = await _ws.RunAsync("preview", "--stack", "e2e", "--json");
        var format = await _ws.RunAsync("preview", "--stack", "e2e", "--format", "json");
        var both = await _ws.RunAsync("preview", "--stack", "e2e", "--json", "--format", "markdown");
        var unknown = await _ws.RunAsync("preview", "--stack", "e2e", "--format", "html");

        json.ExitCode.Should().Be(0, json.All);
        format.Out.Should().Be(json.Out);
        both.ExitCode.Should().Be(1);
        both.Error.Should().Contain("--json means --format json");
        unknown.ExitCode.Should().NotBe(0);
        unknown.Error.Should().Contain("html");
    }

    /// <summary>The ids Bird gave the scenario's objects, with placeholders named after the logical names.</summary>
    private async Task<(string Value, string Placeholder)[]> LiveIdsAsync()
    {
        var (_, state) = await BirdInfra.State.StateStore.OpenAsync(_ws.StateFile, "e2e", StackWorkspace.Passphrase, CancellationToken.None);
        var ids = state.Resources.Select(r => (r.Id, $"<{r.Address}.id>")).ToList();
        var channel = state.Resources.Single(r => r.Address.Kind == "Connector").Outputs["channelId"]?.AsStringOrNull();
        if (channel is not null)
        {
            ids.Add((channel, "<channel-id>"));
        }

        return [.. ids];
    }
}
