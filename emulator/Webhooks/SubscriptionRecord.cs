using System.Text.Json;
using System.Text.Json.Nodes;

namespace BirdInfra.Emulator.Webhooks;

/// <summary>
/// A stored webhook subscription, and its wire shape: the signing key is kept to sign deliveries but only shown on
/// create (<see cref="CreateResponse"/>).
/// </summary>
public sealed record SubscriptionRecord(
    string Id,
    string OrganizationId,
    string WorkspaceId,
    string Service,
    string Event,
    IReadOnlyList<EventFilter> EventFilters,
    string? Template,
    string Url,
    [property: StoredOnly] string? SigningKey,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>The filter set in a canonical order, for the duplicate and "5 per combination" rules.</summary>
    [StoredOnly]
    public string FilterSignature => string.Join('\n', EventFilters.Select(f => $"{f.Key}={f.Value}").Order(StringComparer.Ordinal));

    /// <summary>The create response: the wire shape with the signing key (when there is one) last, shown this once.</summary>
    internal JsonObject CreateResponse()
    {
        var body = JsonSerializer.SerializeToNode(this, EmulatorJson.Options)!.AsObject();
        if (SigningKey is not null)
        {
            body["signingKey"] = SigningKey;
        }

        return body;
    }
}
