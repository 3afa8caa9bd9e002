using System.Net;

namespace BirdInfra.Providers.WebhookSubscription;

/// <summary>
/// Checks the stack's <c>channels</c> subscriptions against the catalogue Bird offers in the workspace
/// (<c>GET /workspaces/{ws}/available-webhooks?service=channels</c>, read once): every event it does not list and every
/// filter key it does not list for that event is a failure at that event or key. <c>validate</c> uses the built-in
/// catalogue instead (offline), so a stack can pass it and still be refused here. What Bird leaves unsaid degrades to a
/// warning and never blocks: a catalogue answering 403 or 404, or listing no channels events, is one warning (the
/// built-in catalogue, which <c>validate</c> already applied, stands); a platform event (<c>whatsapp.inbound</c>) the
/// live catalogue lacks while the workspace has no channel of that platform yet is a warning (this run creates it).
/// </summary>
internal sealed class WebhookCatalogueCheck : ILiveCheck
{
    private const int ShownNames = 8;

    /// <summary>The resource a deploy key needs <c>view</c> on for the catalogue: the request path (Bird's permission table files it elsewhere).</summary>
    public const string CatalogueResource = "/workspaces/*/available-webhooks";

    /// <summary>The prefix of the <c>channel.*</c> events, which belong to no platform.</summary>
    private const string ChannelEventPrefix = "channel";

    public async Task<ImmutableArray<LiveCheckFailure>> CheckAsync(ProviderContext context, ImmutableArray<StackEntry> entries, CancellationToken cancellationToken)
    {
        var channelEntries = entries.Where(e => Literal(e, WebhookSubscriptionFields.Service.Property!) is null or WebhookSubscriptionSpec.DefaultService && Literal(e, WebhookSubscriptionFields.Event.Property!) is not null).ToList();
        if (channelEntries.Count == 0)
        {
            return [];
        }

        var path = BirdPaths.Of("workspaces", context.WorkspaceId, "available-webhooks");
        var source = $"GET {path}?service={WebhookSubscriptionSpec.DefaultService}";
        AvailableWebhooksWire? answer;
        try
        {
            answer = await context.Client.GetAsync<AvailableWebhooksWire>(path, [new("service", WebhookSubscriptionSpec.DefaultService)], cancellationToken).ConfigureAwait(false);
        }
        catch (BirdApiException e) when (e.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
        {
            return [Unavailable(channelEntries[0], $"{source} answered {(int)e.StatusCode} {e.Code ?? e.StatusCode.ToString()}")];
        }

        var catalogue = Catalogue(answer);
        if (catalogue.Count == 0)
        {
            // Bird documents that the list "can be an empty results list": that says nothing about the events, and the creates will tell.
            return [Unavailable(channelEntries[0], $"{source} listed no channels events")];
        }

        IReadOnlySet<string>? platforms = null;
        var failures = ImmutableArray.CreateBuilder<LiveCheckFailure>();
        foreach (var entry in channelEntries)
        {
            var eventName = Literal(entry, WebhookSubscriptionFields.Event.Property!)!;
            if (!catalogue.TryGetValue(eventName, out var filterKeys))
            {
                if (Platform(eventName) is { } platform && BirdRules.WebhookEvent(WebhookSubscriptionSpec.DefaultService, eventName) is null)
                {
                    platforms ??= await ChannelPlatformsAsync(context, cancellationToken).ConfigureAwait(false);
                    if (platforms is null || !platforms.Contains(platform))
                    {
                        failures.Add(new LiveCheckFailure(entry, new CheckFailure(
                            WebhookSubscriptionFields.Event.Property!,
                            $"Bird does not list the event '{eventName}' in this workspace yet ({source}), "
                            + (platforms is null ? $"and its channels could not be listed to tell whether a {platform} channel exists" : $"which has no {platform} channel yet"),
                            $"Nothing to do if this run creates the workspace's first {platform} channel (a connector); if the subscription's create is refused, check the event name.",
                            DiagnosticCodes.EventAwaitsChannel), DiagnosticSeverity.Warning));
                        continue;
                    }
                }

                failures.Add(new LiveCheckFailure(entry, new CheckFailure(
                    WebhookSubscriptionFields.Event.Property!,
                    $"Bird does not offer the event '{Text.Shown(eventName)}' in this workspace ({source} lists {catalogue.Count} channels event{(catalogue.Count == 1 ? string.Empty : "s")}).",
                    $"Use an event Bird lists, e.g. {Names(Nearest(catalogue.Keys, eventName))}; `validate` knows only BirdInfra's built-in catalogue.",
                    DiagnosticCodes.UnknownWebhookEvent)));
                continue;
            }

            var filters = entry.Inputs.GetValueOrDefault(WebhookSubscriptionFields.EventFilters.Property!) is ListInput list ? list.Items : [];
            for (var i = 0; i < filters.Length; i++)
            {
                if (filters[i] is not MapInput filter || filter.Properties.GetValueOrDefault(WebhookSubscriptionFields.FilterKey.Property!) is not LiteralInput { Value.Kind: PropertyKind.String } keyInput)
                {
                    continue;
                }

                var key = keyInput.Value.AsString();
                if (!filterKeys.Contains(key, StringComparer.Ordinal))
                {
                    failures.Add(new LiveCheckFailure(entry, new CheckFailure(
                        $"{WebhookSubscriptionFields.EventFilters.Property}[{i}].{WebhookSubscriptionFields.FilterKey.Property}",
                        $"Bird does not offer the filter key '{Text.Shown(key)}' for event '{eventName}' in this workspace ({source} lists {(filterKeys.IsEmpty ? "none" : Names(filterKeys))}).",
                        (filterKeys.IsEmpty ? "Remove the filter: Bird takes none for this event." : $"Use {Names(filterKeys)}, or remove the filter.")
                            + (key == WebhookSubscriptionSection.ChannelIdKey ? " In a stack file, 'channel:' is what adds a channelId filter." : string.Empty),
                        DiagnosticCodes.UnknownEventFilterKey)));
                }
            }
        }

        return failures.ToImmutable();
    }

    private static LiveCheckFailure Unavailable(StackEntry entry, string what) =>
        new(entry, new CheckFailure(
            WebhookSubscriptionFields.Event.Property!,
            $"Bird would not show its webhook catalogue ({what}); the stack's events and filter keys were checked against BirdInfra's built-in catalogue only.",
            $"Give the deploy key's policy a definition `{{effect: allow, actions: [view], resources: [\"{CatalogueResource}\"]}}` (Bird's permission table files this call under view on "
            + "/organizations/{organizationId}/workspaces/*/webhook-subscriptions, which may not be enough); `birdinfra doctor` checks every permission the stack needs.",
            DiagnosticCodes.LiveCatalogueUnavailable), DiagnosticSeverity.Warning);

    /// <summary>The platform of a platform event (<c>whatsapp</c> of <c>whatsapp.inbound</c>); null for <c>channel.*</c> events.</summary>
    private static string? Platform(string eventName)
    {
        var dot = eventName.IndexOf('.', StringComparison.Ordinal);
        return dot <= 0 || eventName[..dot] == ChannelEventPrefix ? null : eventName[..dot];
    }

    /// <summary>The platforms of the workspace's channels; null when Bird would not list them (then nothing is known).</summary>
    private static async Task<IReadOnlySet<string>?> ChannelPlatformsAsync(ProviderContext context, CancellationToken cancellationToken)
    {
        try
        {
            var channels = await context.Client.ListAllAsync<ChannelPlatformWire>(BirdPaths.Of("workspaces", context.WorkspaceId, "channels"), null, cancellationToken).ConfigureAwait(false);
            return channels.Where(c => !string.IsNullOrEmpty(c.PlatformId)).Select(c => c.PlatformId!).ToHashSet(StringComparer.Ordinal);
        }
        catch (BirdApiException e) when (e.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
        {
            return null;
        }
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
