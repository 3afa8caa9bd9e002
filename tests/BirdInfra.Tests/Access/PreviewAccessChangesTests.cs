using System.Text.Json;
using BirdInfra.Tests.Support;

namespace BirdInfra.Tests.Access;

/// <summary>`preview` says what a change does to each key's access, computed from what Bird holds (refreshed state) and the stack.</summary>
public sealed class PreviewAccessChangesTests
{
    [Fact]
    public async Task Preview_AfterUp_ReportsNoAccessChange_AndAfterWidening_NamesTheGainedRowAndOperations()
    {
        await using var ws = await StackWorkspace.CreateAsync();
        var up = await ws.RunAsync("up", "--stack", "e2e", "--yes");
        up.ExitCode.Should().Be(0, up.All);

        var same = await ws.RunAsync("preview", "--stack", "e2e", "--json");
        JsonDocument.Parse(same.Out).RootElement.GetProperty("accessChanges").GetArrayLength().Should().Be(0, "Bird's ids read back as the stack's ${organizationId}: " + same.Out);

        ws.EditStack("      - /workspaces/*/channels/*\n", "      - /workspaces/**\n");
        await ws.ResetCallLogAsync();
        var json = await ws.RunAsync("preview", "--stack", "e2e", "--json");
        var text = await ws.RunAsync("preview", "--stack", "e2e");
        var markdown = await ws.RunAsync("preview", "--stack", "e2e", "--format", "markdown");

        json.ExitCode.Should().Be(0, json.All);
        var change = JsonDocument.Parse(json.Out).RootElement.GetProperty("accessChanges").EnumerateArray().Should().ContainSingle().Subject;
        change.GetProperty("key").GetString().Should().Be("contact-center");
        Rows(change.GetProperty("gains")).Should().Equal("view /workspaces/**");
        Rows(change.GetProperty("loses")).Should().Equal("view /workspaces/*/channels/*");
        var gained = change.GetProperty("operations").GetProperty("gained").EnumerateArray().Select(o => $"{o.GetProperty("method").GetString()} {o.GetProperty("path").GetString()}").ToList();
        gained.Should().Contain("GET /workspaces/*/conversations").And.Contain("GET /workspaces/*/connectors/*").And.NotContain("DELETE /workspaces/*/connectors/*");
        change.GetProperty("operations").GetProperty("lost").GetArrayLength().Should().Be(0);
        text.Out.Should().Contain("+ gains view /workspaces/**").And.Contain("now may read conversations: GET /workspaces/*/conversations");
        markdown.Out.Should().Contain("### Access changes").And.Contain("**now may** read conversations");

        // The replaced policy's definitions as rows: only the changed one is marked, never two blobs side by side.
        text.Out.Should().MatchRegex(@"\n        - \[1\] allow view \S+/webhook-subscriptions, /workspaces/\*/channels/\*\n        \+ \[1\] allow view \S+/webhook-subscriptions, /workspaces/\*\*\n");
        text.Out.Should().MatchRegex(@"\n          \[0\] allow create ").And.NotContain("[{ actions:");
        markdown.Out.Should().Contain("| definitions\\[1\\] (forces replacement) | `allow view ").And.NotContain("[{ actions:");
        (await ws.MutatingCallsAsync()).Should().BeEmpty();
    }

    private static List<string> Rows(JsonElement rows) =>
        [.. rows.EnumerateArray().Select(r => $"{r.GetProperty("action").GetString()} {r.GetProperty("resource").GetString()}")];
}
