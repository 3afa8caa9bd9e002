namespace BirdInfra.Emulator.Connectors;

/// <summary>The connector's link to the channel Bird created for it.</summary>
public sealed record ConnectorChannel(string ChannelId, string Platform);
