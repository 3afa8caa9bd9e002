using System.Text.Json;
using BirdInfra.Tests.Support;

namespace BirdInfra.Tests.Access;

/// <summary>The history records what each `up` did to the keys' access, so an audit can find when a key was widened.</summary>
public sealed class HistoryAccessChangesTests
{
    [Fact]
    public async Task Up_ThatWidensThePolicy_IsRecordedWithTheGainedRowAndOperations()
    {
        await using var ws = await StackWorkspace.CreateAsync();
        (await ws.RunAsync("up", "--stack", "e2e", "--yes")).ExitCode.Should().Be(0);
        ws.EditStack("      - /workspaces/*/channels/*\n", "      - /workspaces/**\n");
        var up = await ws.RunAsync("up", "--stack", "e2e", "--yes");
        up.ExitCode.Should().Be(0, up.All);

        var json = await ws.RunAsync("history", "--stack", "e2e", "--json");
        var text = await ws.RunAsync("history", "--stack", "e2e");

        var records = JsonDocument.Parse(json.Out).RootElement.EnumerateArray().ToList();
        var widening = records[0].GetProperty("accessChanges").EnumerateArray().Select(e => e.GetString()).ToList();
        widening.Should().Contain("contact-center gains view /workspaces/**")
            .And.Contain("contact-center loses view /workspaces/*/channels/*")
            .And.Contain("contact-center now may read conversations (GET /workspaces/*/conversations)");
        records[1].GetProperty("accessChanges").EnumerateArray().Select(e => e.GetString()).Should().Contain("contact-center gains create /workspaces/*/verify", "the first up minted the key");
        text.Out.Should().Contain("  access: contact-center gains view /workspaces/**");
    }
}
