using System.Text.Json.Serialization;

namespace BirdInfra.Emulator.Webhooks;

/// <summary>Wire shape of a subscription; <c>signingKey</c> appears only in the create response.</summary>
public sealed record SubscriptionView(
    string Id,
    string OrganizationId,
    string WorkspaceId,
    string Service,
    string Event,
    IReadOnlyList<EventFilter> EventFilters,
    string? Template,
    string Url,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SigningKey = null)
{
    public static SubscriptionView From(SubscriptionRecord s, bool withSigningKey = false) => new(
        s.Id, s.OrganizationId, s.WorkspaceId, s.Service, s.Event, s.EventFilters, s.Template, s.Url, s.Status, s.CreatedAt, s.UpdatedAt,
        withSigningKey ? s.SigningKey : null);
}
