using BirdInfra.Providers.Kinds;

namespace BirdInfra.Providers.Connector;

/// <summary>A connector's channel, which Bird creates after answering the connector's create: when it is there, and the messages of the wait.</summary>
public sealed class ConnectorChannelWait : ILateOutputs
{
    public bool AreFilled(ResourceSnapshot snapshot) => !string.IsNullOrEmpty(ChannelId(snapshot));

    public string Waiting(ResourceSnapshot snapshot, TimeSpan elapsed, TimeSpan timeout) =>
        $"{Subject(snapshot)}: waiting for Bird to create its channel ({elapsed.TotalSeconds:0} s of {timeout.TotalSeconds:0} s)";

    public string Filled(ResourceSnapshot snapshot) => $"{Subject(snapshot)}: channel {ChannelId(snapshot)} is ready";

    public string TimedOut(ResourceSnapshot snapshot, TimeSpan timeout) =>
        $"{Subject(snapshot)} for {snapshot.Inputs.GetString("phoneNumber")}: Bird created the connector but its channel did not appear within {timeout.TotalSeconds:0.#} s. "
        + "The connector is recorded; run again to wait for it, or check the WhatsApp Business Account and access token.";

    public string StoppedWaiting(ResourceSnapshot snapshot) =>
        $"{Subject(snapshot)}: cancelled while waiting for Bird to create its channel. The connector is recorded; run again to finish.";

    public string Disappeared(ResourceSnapshot snapshot) =>
        $"{Subject(snapshot)}: the connector disappeared from Bird while BirdInfra waited for its channel.";

    public string ReadFailed(ResourceSnapshot snapshot, string reason) =>
        $"{Subject(snapshot)}: Bird created the connector, but reading it while waiting for its channel failed ({reason}). The connector is recorded; run again to finish.";

    private static string Subject(ResourceSnapshot snapshot) => $"Connector '{snapshot.Inputs.GetString("name")}' ({snapshot.Id})";

    private static string? ChannelId(ResourceSnapshot snapshot) => snapshot.Outputs.GetString("channelId");
}
