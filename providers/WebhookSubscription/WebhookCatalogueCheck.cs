using System.Collections.Immutable;
using BirdInfra.Providers.Client;
using BirdInfra.Providers.Diagnostics;
using BirdInfra.Providers.Graph;
using BirdInfra.Providers.Kinds;
using BirdInfra.Providers.Properties;
using BirdInfra.Providers.Stacks;

namespace BirdInfra.Providers.WebhookSubscription;

/// <summary>
/// Checks the stack's <c>channels</c> subscriptions against the catalogue Bird offers in the workspace
/// (<c>GET /workspaces/{ws}/available-webhooks?service=channels</c>, read once): every event it does not list and every
/// filter key it does not list for that event is a failure at that event or key. <c>validate</c> uses the built-in
/// catalogue instead (offline), so a stack can pass it and still be refused here.
/// </summary>
internal sealed class WebhookCatalogueCheck : ILiveCheck
{
    private const int ShownNames = 8;

    public async Task<ImmutableArray<LiveCheckFailure>> CheckAsync(ProviderContext context, ImmutableArray<StackEntry> entries, CancellationToken cancellationToken)
    {
        var channelEntries = entries.Where(e => Literal(e, "service") is null or WebhookSubscriptionSpec.DefaultService && Literal(e, "event") is not null).ToList();
        if (channelEntries.Count == 0)
        {
            return [];
        }

        var path = BirdPaths.Of("workspaces", context.WorkspaceId, "available-webhooks");
        var answer = await context.Client.GetAsync<AvailableWebhooksWire>(path, [new("service", WebhookSubscriptionSpec.DefaultService)], cancellationToken).ConfigureAwait(false);
        var catalogue = Catalogue(answer);
        var source = $"GET {path}?service={WebhookSubscriptionSpec.DefaultService}";

        var failures = ImmutableArray.CreateBuilder<LiveCheckFailure>();
        foreach (var entry in channelEntries)
        {
            var eventName = Literal(entry, "event")!;
            if (!catalogue.TryGetValue(eventName, out var filterKeys))
            {
                failures.Add(new LiveCheckFailure(entry, new CheckFailure(
                    "event",
                    $"Bird does not offer the event '{Text.Shown(eventName)}' in this workspace ({source} lists {catalogue.Count} channels event{(catalogue.Count == 1 ? string.Empty : "s")}).",
                    catalogue.Count == 0
                        ? "Bird lists no channels events for this workspace: check the workspace, or remove the subscription."
                        : $"Use an event Bird lists, e.g. {Names(Nearest(catalogue.Keys, eventName))}; `validate` knows only BirdInfra's built-in catalogue.",
                    DiagnosticCodes.UnknownWebhookEvent)));
                continue;
            }

            var filters = entry.Inputs.GetValueOrDefault("eventFilters") is ListInput list ? list.Items : [];
            for (var i = 0; i < filters.Length; i++)
            {
                if (filters[i] is not MapInput filter || filter.Properties.GetValueOrDefault("key") is not LiteralInput { Value.Kind: PropertyKind.String } keyInput)
                {
                    continue;
                }

                var key = keyInput.Value.AsString();
                if (!filterKeys.Contains(key, StringComparer.Ordinal))
                {
                    failures.Add(new LiveCheckFailure(entry, new CheckFailure(
                        $"eventFilters[{i}].key",
                        $"Bird does not offer the filter key '{Text.Shown(key)}' for event '{eventName}' in this workspace ({source} lists {(filterKeys.IsEmpty ? "none" : Names(filterKeys))}).",
                        (filterKeys.IsEmpty ? "Remove the filter: Bird takes none for this event." : $"Use {Names(filterKeys)}, or remove the filter.")
                            + (key == WebhookSubscriptionSection.ChannelIdKey ? " In a stack file, 'channel:' is what adds a channelId filter." : string.Empty),
                        DiagnosticCodes.UnknownEventFilterKey)));
                }
            }
        }

        return failures.ToImmutable();
    }

    private static ImmutableDictionary<string, ImmutableArray<string>> Catalogue(AvailableWebhooksWire? answer)
    {
        var events = ImmutableDictionary.CreateBuilder<string, ImmutableArray<string>>(StringComparer.Ordinal);
        foreach (var service in answer?.Results ?? [])
        {
            if (service.Service is not null && service.Service != WebhookSubscriptionSpec.DefaultService)
            {
                continue;
            }

            foreach (var e in service.Events ?? [])
            {
                if (!string.IsNullOrEmpty(e.Name))
                {
                    var keys = e.FilterKeys ?? [];
                    events[e.Name] = events.TryGetValue(e.Name, out var known) ? [.. known.Union(keys, StringComparer.Ordinal)] : [.. keys];
                }
            }
        }

        return events.ToImmutable();
    }

    /// <summary>Events of the same platform (the part before the dot) first, then the rest, in order.</summary>
    private static IEnumerable<string> Nearest(IEnumerable<string> events, string wanted)
    {
        var prefix = wanted.Contains('.') ? wanted[..(wanted.IndexOf('.') + 1)] : wanted;
        return events.OrderBy(e => e.StartsWith(prefix, StringComparison.Ordinal) ? 0 : 1).ThenBy(e => e, StringComparer.Ordinal);
    }

    private static string Names(IEnumerable<string> names)
    {
        var list = names.ToList();
        var shown = string.Join(", ", list.Take(ShownNames));
        return list.Count > ShownNames ? $"{shown} (and {list.Count - ShownNames} more)" : shown;
    }

    private static string? Literal(StackEntry entry, string input) =>
        entry.Inputs.GetValueOrDefault(input) is LiteralInput { Value.Kind: PropertyKind.String } literal ? literal.Value.AsString() : null;
}
