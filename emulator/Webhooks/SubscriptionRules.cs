using System.Text.Json.Nodes;

namespace BirdInfra.Emulator.Webhooks;

/// <summary>Field validation and the uniqueness rules shared by create and PATCH.</summary>
internal static class SubscriptionRules
{
    public const int MaxPerCombination = 5;

    public static List<EventFilter>? ParseFilters(Validator v, JsonObject body, EmulatorOptions options, string service, string? @event)
    {
        if (v.Objects(body, "eventFilters", "", required: false, minItems: 0, maxItems: 20, "key", "value") is not { } items)
        {
            return null;
        }

        var allowed = @event is null ? [] : WebhookCatalog.FilterKeys(options, service, @event) ?? [];
        var result = new List<EventFilter>();
        foreach (var (f, at) in items)
        {
            var key = v.String(f, "key", at, required: true);
            var value = v.String(f, "value", at, required: true);
            if (key is null || value is null)
            {
                continue;
            }

            if (!WebhookCatalog.AnyFilterKeyAllowed(service) && !allowed.Contains(key))
            {
                v.Add(Validator.Child(at, "key"), allowed.Count == 0
                    ? $"event '{@event}' takes no filters"
                    : $"must be one of: {string.Join(", ", allowed)}");
            }
            else if (result.Any(r => r.Key == key))
            {
                v.Add(Validator.Child(at, "key"), "each filter key may appear only once");
            }

            result.Add(new EventFilter(key, value));
        }

        return result;
    }

    public static void CheckStatus(Validator v, string? status)
    {
        if (status is not null and not ("active" or "inactive"))
        {
            v.Add(".status", "must be one of: active, inactive");
        }
    }

    /// <summary>409 for an exact duplicate, 422 for a sixth subscription with the same service, event and filters.</summary>
    public static ApiError? CheckUniqueness(EmulatorState state, SubscriptionRecord candidate)
    {
        var sameCombination = state.Subscriptions.Values.Where(s => s.Id != candidate.Id
            && s.WorkspaceId == candidate.WorkspaceId && s.Service == candidate.Service && s.Event == candidate.Event
            && s.FilterSignature == candidate.FilterSignature).ToList();
        if (sameCombination.FirstOrDefault(s => s.Url == candidate.Url) is { } duplicate)
        {
            return ApiError.Conflict($"webhook subscription already exists ({duplicate.Id})");
        }

        return sameCombination.Count >= MaxPerCombination
            ? ApiError.Invalid(".eventFilters", $"at most {MaxPerCombination} subscriptions may share the same service, event and filters")
            : null;
    }
}
