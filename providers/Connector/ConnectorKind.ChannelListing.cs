using System.Globalization;

namespace BirdInfra.Providers.Connector;

/// <summary>
/// Connectors waiting for their channels together read the workspace's channel list (pages of 1,000, the most Bird
/// allows) rather than each its own connector (and its channel) on every poll; a connector is read itself once the list
/// shows its channel <c>active</c> or in a failed status, and that read stays the judge of readiness (<see cref="ConnectorChannelWait"/>).
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
            var query = new List<KeyValuePair<string, string>> { new("limit", ChannelPageSize.ToString(CultureInfo.InvariantCulture)) };
            if (pageToken is not null)
            {
                query.Add(new("pageToken", pageToken));
            }

            var page = await context.Client.GetAsync<BirdPage<ChannelListItemWire>>(collection, query, cancellationToken).ConfigureAwait(false);
            foreach (var channel in page.Results ?? [])
            {
                // Only a working or a failed channel makes the connector worth reading; a pending one is waited for in the list.
                if (!string.IsNullOrEmpty(channel.ConnectorId) && !string.IsNullOrEmpty(channel.Id)
                    && (string.Equals(channel.Status, ConnectorChannelWait.ActiveStatus, StringComparison.OrdinalIgnoreCase) || ConnectorChannelWait.IsFailed(channel.Status)))
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
