using System.Globalization;
using BirdInfra.Providers.Client;
using BirdInfra.Providers.Kinds;

namespace BirdInfra.Providers.Connector;

/// <summary>
/// Connectors waiting for their channels together read the workspace's channel list (pages of 1,000, the most Bird
/// allows) rather than each its own connector on every poll; a connector is read itself once the list shows its channel
/// as working ('active'), so what counts as ready stays the connector read's decision (<see cref="ConnectorChannelWait"/>).
/// </summary>
public sealed partial class ConnectorKind : ILateOutputsListing
{
    private const int ChannelPageSize = 1000;

    public async Task<IReadOnlySet<string>> ListFilledAsync(ProviderContext context, CancellationToken cancellationToken)
    {
        var connectors = new HashSet<string>(StringComparer.Ordinal);
        var collection = BirdPaths.Of("workspaces", context.WorkspaceId, "channels");
        string? pageToken = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        do
        {
            List<KeyValuePair<string, string>> query = [new("limit", ChannelPageSize.ToString(CultureInfo.InvariantCulture))];
            if (pageToken is not null)
            {
                query.Add(new("pageToken", pageToken));
            }

            var page = await context.Client.GetAsync<BirdPage<ChannelListItemWire>>(collection, query, cancellationToken).ConfigureAwait(false);
            foreach (var channel in page.Results ?? [])
            {
                // Listed and working: the connector's own read (its channel's status included) then decides, once.
                if (!string.IsNullOrEmpty(channel.ConnectorId) && !string.IsNullOrEmpty(channel.Id)
                    && string.Equals(channel.Status, ConnectorChannelWait.ActiveStatus, StringComparison.OrdinalIgnoreCase))
                {
                    connectors.Add(channel.ConnectorId);
                }
            }

            pageToken = string.IsNullOrEmpty(page.NextPageToken) ? null : page.NextPageToken;
            if (pageToken is not null && !seen.Add(pageToken))
            {
                throw new InvalidOperationException($"GET {collection}: Bird returned the same nextPageToken twice; stopping to avoid an endless listing.");
            }
        }
        while (pageToken is not null);

        return connectors;
    }
}
