
namespace BirdInfra.Providers.Connector;

/// <summary>
/// A connector's channel, which Bird creates after answering the connector's create and which works once its status is
/// <see cref="ActiveStatus"/>: when it is ready, and the messages of the wait (naming the status last seen).
/// </summary>
public sealed class ConnectorChannelWait : ILateOutputs
{
    /// <summary>The status Bird shows for a working channel (Channels API, channel list example).</summary>
    public const string ActiveStatus = "active";

    /// <summary>
    /// Statuses a channel does not come back from by waiting. Bird documents none (docs/bird-api-decisions.md, "Channel
    /// statuses"); these are the names a failure would plausibly have. Ending a wait early on a status that could still
    /// turn active costs one rerun (the connector is recorded); waiting on one that cannot costs the full timeout every run.
    /// </summary>
    public static readonly ImmutableHashSet<string> FailedStatuses = ImmutableHashSet.Create(StringComparer.OrdinalIgnoreCase, "failed", "error", "rejected", "deleted", "banned");

    /// <summary>Whether a channel in <paramref name="status"/> cannot become active by waiting.</summary>
    public static bool IsFailed(string? status) => status is not null && FailedStatuses.Contains(status);

    public bool AreFilled(ResourceSnapshot snapshot) =>
        !string.IsNullOrEmpty(ChannelId(snapshot)) && string.Equals(ChannelStatus(snapshot), ActiveStatus, StringComparison.OrdinalIgnoreCase);

    public string Waiting(ResourceSnapshot snapshot, TimeSpan elapsed, TimeSpan timeout) =>
        ChannelId(snapshot) is { Length: > 0 } channelId
            ? $"{Subject(snapshot)}: channel {channelId} is {Status(snapshot)}; waiting for it to become '{ActiveStatus}' ({elapsed.TotalSeconds:0} s of {timeout.TotalSeconds:0} s)"
            : $"{Subject(snapshot)}: waiting for Bird to create its channel ({elapsed.TotalSeconds:0} s of {timeout.TotalSeconds:0} s)";

    public string Filled(ResourceSnapshot snapshot) => $"{Subject(snapshot)}: channel {ChannelId(snapshot)} is {ActiveStatus} (ready)";

    public string TimedOut(ResourceSnapshot snapshot, TimeSpan timeout) =>
        ChannelId(snapshot) is { Length: > 0 } channelId
            ? $"{Subject(snapshot)} for {snapshot.Inputs.GetString(ConnectorFields.PhoneNumber.Property!)}: its channel {channelId} was still {Status(snapshot)} after {timeout.TotalSeconds:0.#} s "
              + $"(a working channel is '{ActiveStatus}'). The connector is recorded; run again to wait for it, or check the number's status in Bird and Meta."
            : $"{Subject(snapshot)} for {snapshot.Inputs.GetString(ConnectorFields.PhoneNumber.Property!)}: Bird created the connector but its channel did not appear within {timeout.TotalSeconds:0.#} s. "
              + "The connector is recorded; run again to wait for it, or check the WhatsApp Business Account and access token.";

    public string StoppedWaiting(ResourceSnapshot snapshot) =>
        $"{Subject(snapshot)}: cancelled while waiting for Bird to create its channel and make it {ActiveStatus}. The connector is recorded; run again to finish.";

    public string Disappeared(ResourceSnapshot snapshot) =>
        $"{Subject(snapshot)}: the connector disappeared from Bird while BirdInfra waited for its channel.";

    public string? Failed(ResourceSnapshot snapshot) =>
        ChannelId(snapshot) is { Length: > 0 } channelId && IsFailed(ChannelStatus(snapshot))
            ? $"{Subject(snapshot)} for {snapshot.Inputs.GetString(ConnectorFields.PhoneNumber.Property!)}: its channel {channelId} is '{ChannelStatus(snapshot)}', a status that does not become '{ActiveStatus}' by waiting. "
              + "The connector is recorded; the next run checks the channel again. Check the number's status in Bird and Meta (WhatsApp Business Account, phone number, access token)."
            : null;

    public string ReadFailed(ResourceSnapshot snapshot, string reason) =>
        $"{Subject(snapshot)}: Bird created the connector, but reading it while waiting for its channel failed ({reason}). The connector is recorded; run again to finish.";

    private static string Subject(ResourceSnapshot snapshot) => $"Connector '{snapshot.Inputs.GetString(ConnectorFields.Name.Property!)}' ({snapshot.Id})";

    private static string? ChannelId(ResourceSnapshot snapshot) => snapshot.Outputs.GetString(ConnectorFields.ChannelId.Name);

    private static string? ChannelStatus(ResourceSnapshot snapshot) => snapshot.Outputs.GetString(ConnectorFields.ChannelStatus.Name);

    private static string Status(ResourceSnapshot snapshot) =>
        ChannelStatus(snapshot) is { Length: > 0 } status ? $"'{status}'" : "without a status (not readable yet)";
}
