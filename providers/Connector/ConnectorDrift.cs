
namespace BirdInfra.Providers.Connector;

/// <summary>A connector beside the stack, for drift: its template, number and channel with the channel's status.</summary>
public sealed class ConnectorDrift : IBesideStack
{
    public BesideDescription Describe(ResourceSnapshot live, BesideContext context)
    {
        ArgumentNullException.ThrowIfNull(live);
        var detail = $"{live.Inputs.GetString(ConnectorFields.Template.Property!) ?? "connector"} number {live.Inputs.GetString(ConnectorFields.PhoneNumber.Property!) ?? "?"}, channel {live.Outputs.GetString(ConnectorFields.ChannelId.Name) ?? "none"} ({live.Outputs.GetString(ConnectorFields.ChannelStatus.Name) ?? "status unknown"})";
        return new BesideDescription(BesideDescription.NameOf(live), detail, DriftSeverity.Info);
    }
}
