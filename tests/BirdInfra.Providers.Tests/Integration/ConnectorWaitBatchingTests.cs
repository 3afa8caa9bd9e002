using BirdInfra.Providers.Connector;
using BirdInfra.Providers.Properties;
using static BirdInfra.Providers.Tests.Kinds.P;

namespace BirdInfra.Providers.Tests.Integration;

/// <summary>
/// Connectors waiting for their channels at the same time (issue 14, connector waits): their polls share one read of the
/// workspace's channel list, and each connector is read itself about once, when the list shows its channel, instead of
/// once per poll. A list Bird refuses to give falls back to reading each connector.
/// </summary>
public sealed class ConnectorWaitBatchingTests
{
    private const int Connectors = 8;

    private readonly ConnectorKind _kind = new();

    [Fact]
    public async Task ConnectorsWaitingTogether_ShareTheChannelList_InsteadOfOneReadEachPerPoll()
    {
        // Eight creates at once; each channel appears 1.5 s later. Polling alone (50 ms doubling) would read every
        // connector about 6 times before its channel is there: some 48 reads.
        await using var f = await EmulatorFixture.StartAsync(channelDelay: TimeSpan.FromMilliseconds(1500));

        var created = await Task.WhenAll(Enumerable.Range(0, Connectors).Select(i => _kind.CreateAsync(f.Context, Inputs(i), CancellationToken.None)));

        created.Should().OnlyContain(c => !string.IsNullOrEmpty(c.Outputs.GetString("channelId")), "every create still ends with its channel");
        var calls = await f.CallsAsync();
        var connectorReads = calls.Count(c => c.Method == "GET" && c.Path.Contains("/connectors/", StringComparison.Ordinal));
        var channelLists = calls.Count(c => c.Method == "GET" && c.Path.EndsWith("/channels", StringComparison.Ordinal));
        connectorReads.Should().BeLessThanOrEqualTo(Connectors * 2, "a connector is read once the list shows its channel (about once each), not on every poll:\n" + Describe(calls));
        channelLists.Should().BeGreaterThan(0).And.BeLessThanOrEqualTo(12, "waiters due together share one listing (a handful of polls until 1.5 s):\n" + Describe(calls));
        (connectorReads + channelLists).Should().BeLessThan(Connectors * 4);
    }

    [Fact]
    public async Task WhenTheChannelListCannotBeRead_EachConnectorIsReadAsBefore()
    {
        await using var f = await EmulatorFixture.StartAsync(channelDelay: TimeSpan.FromMilliseconds(600));
        await f.AddFaultAsync(new { method = "GET", path = "/workspaces/*/channels", errorRate = 1.0, errorStatus = 500 });

        var created = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => _kind.CreateAsync(f.Context, Inputs(i), CancellationToken.None)));

        created.Should().OnlyContain(c => !string.IsNullOrEmpty(c.Outputs.GetString("channelId")));
        var calls = await f.CallsAsync();
        calls.Count(c => c.Path.EndsWith("/channels", StringComparison.Ordinal)).Should().Be(5, "one listing was tried (5 attempts), then no more");
        foreach (var connector in created)
        {
            calls.Should().Contain(c => c.Method == "GET" && c.Path.EndsWith("/connectors/" + connector.Id, StringComparison.Ordinal));
        }
    }

    private static string Describe(IReadOnlyList<(string Method, string Path, int Status)> calls) =>
        string.Join("\n", calls.Select(c => $"{c.Method} {c.Path} {c.Status}"));

    private static PropertyMap Inputs(int i) => Map(
        ("name", S($"wa {i}")),
        ("wabaId", S("102290129340398")),
        ("phoneId", S("106540352242922")),
        ("phoneNumber", S($"+3161234{i:0000}")),
        ("accessToken", S("EAAG-batching-token")));
}
