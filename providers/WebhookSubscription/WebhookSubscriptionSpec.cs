
namespace BirdInfra.Providers.WebhookSubscription;

/// <summary>The desired webhook subscription, typed; filters are a set sorted by key then value. <see cref="SigningKey"/> prints as <c>[secret]</c>.</summary>
public sealed record WebhookSubscriptionSpec(
    string Service,
    string Event,
    string Url,
    SecretText? SigningKey,
    ImmutableArray<WebhookEventFilter> EventFilters,
    string Status,
    string? Template)
{
    public const string DefaultStatus = "active";

    public const string DefaultService = "channels";

    public bool Equals(WebhookSubscriptionSpec? other) =>
        other is not null && Service == other.Service && Event == other.Event && Url == other.Url && Equals(SigningKey, other.SigningKey)
        && EventFilters.SequenceEqual(other.EventFilters) && Status == other.Status && Template == other.Template;

    public override int GetHashCode() => HashCode.Combine(Service, Event, Url, EventFilters.Length, Status, Template);

    public static ImmutableArray<WebhookEventFilter> Normalise(IEnumerable<WebhookEventFilter> filters) =>
        filters.Distinct().OrderBy(f => f.Key, StringComparer.Ordinal).ThenBy(f => f.Value, StringComparer.Ordinal).ToImmutableArray();

    public static WebhookSubscriptionSpec FromInputs(PropertyMap inputs) => new(
        PropertyMaps.Required(inputs, WebhookSubscriptionFields.Service),
        PropertyMaps.Required(inputs, WebhookSubscriptionFields.Event),
        PropertyMaps.Required(inputs, WebhookSubscriptionFields.Url),
        PropertyMaps.OptionalSecret(inputs, WebhookSubscriptionFields.SigningKey),
        Normalise((inputs[WebhookSubscriptionFields.EventFilters.Property!]?.AsList() ?? []).Select(f => f.AsMap())
            .Select(f => new WebhookEventFilter(PropertyMaps.Required(f, WebhookSubscriptionFields.FilterKey), PropertyMaps.Required(f, WebhookSubscriptionFields.FilterValue)))),
        PropertyMaps.Optional(inputs, WebhookSubscriptionFields.Status) ?? DefaultStatus,
        PropertyMaps.Optional(inputs, WebhookSubscriptionFields.Template));

    public static PropertyValue FiltersValue(IEnumerable<WebhookEventFilter> filters) =>
        PropertyValue.List(filters.Select(f => PropertyValue.Map(PropertyMaps.Of(
            (WebhookSubscriptionFields.FilterKey.Property!, PropertyValue.String(f.Key)),
            (WebhookSubscriptionFields.FilterValue.Property!, PropertyValue.String(f.Value))))));

    public PropertyMap ToInputs() => PropertyMaps.Of(
        (WebhookSubscriptionFields.Service.Property!, PropertyValue.String(Service)),
        (WebhookSubscriptionFields.Event.Property!, PropertyValue.String(Event)),
        (WebhookSubscriptionFields.Url.Property!, PropertyValue.String(Url)),
        (WebhookSubscriptionFields.SigningKey.Property!, SigningKey?.ToPropertyValue()),
        (WebhookSubscriptionFields.EventFilters.Property!, FiltersValue(EventFilters)),
        (WebhookSubscriptionFields.Status.Property!, PropertyValue.String(Status)),
        (WebhookSubscriptionFields.Template.Property!, PropertyMaps.Text(Template)));
}
