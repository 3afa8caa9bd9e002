
namespace BirdInfra.Providers.WebhookSubscription;

/// <summary>
/// A webhook subscription in the workspace (org-prefixed paths). Service and event cannot change in Bird,
/// so they force a replacement; everything else is one PATCH carrying only the changed fields.
/// Bird returns the signing key only on create, so it is carried over from state.
/// </summary>
public sealed class WebhookSubscriptionKind : IResourceKind
{
    private static readonly BirdCollection Subscriptions = new("/organizations/{organizationId}/workspaces/{workspaceId}/webhook-subscriptions");

    private static readonly ImmutableHashSet<string> SecretKeys = WebhookSubscriptionFields.Table.Secrets;

    private static readonly ImmutableHashSet<string> ReplaceKeys = [.. WebhookSubscriptionFields.Table.Fields.Where(f => f.ReplaceOnChange).Select(f => f.Property!)];

    /// <summary>Optional fields Bird's PATCH types as non-nullable strings: setting or changing them is a PATCH, removing them is not.</summary>
    private static readonly ImmutableHashSet<string> ClearableOnlyByReplace = ImmutableHashSet.Create(WebhookSubscriptionFields.SigningKey.Property!, WebhookSubscriptionFields.Template.Property!);

    private static readonly string[] NaturalKeyFields = [.. new[] { WebhookSubscriptionFields.Service, WebhookSubscriptionFields.Event, WebhookSubscriptionFields.Url, WebhookSubscriptionFields.EventFilters }.Select(f => f.Property!)];

    private readonly bool _allowHttpLoopback;

    /// <param name="allowHttpLoopback">Accept http://127.0.0.1:PORT and http://localhost:PORT URLs (the emulator only; real Bird wants https).</param>
    public WebhookSubscriptionKind(bool allowHttpLoopback = false) => _allowHttpLoopback = allowHttpLoopback;

    /// <summary>The target's options decide whether http loopback URLs are accepted.</summary>
    public IResourceKind WithOptions(KindOptions options) =>
        options.AllowHttpLoopbackWebhooks == _allowHttpLoopback ? this : new WebhookSubscriptionKind(options.AllowHttpLoopbackWebhooks);

    public string Name => "WebhookSubscription";

    public KindSchema Schema { get; } = BuildSchema();

    public StackSection Stack { get; } = new WebhookSubscriptionSection();

    public IBesideStack Beside { get; } = new WebhookSubscriptionDrift();

    /// <summary>preview and up check events and filter keys against the catalogue Bird offers in the workspace.</summary>
    public ILiveCheck LiveCheck { get; } = new WebhookCatalogueCheck();

    /// <summary>The catalogue read is optional: refused, preview and up fall back to the built-in catalogue with a warning.</summary>
    public IReadOnlyList<BirdCall> Calls { get; } =
    [
        .. Subscriptions.Crud("webhook subscription", "webhook subscriptions", update: true),
        new("GET", "/workspaces/{workspaceId}/available-webhooks", "read the webhook catalogue (without it, events are checked against the built-in catalogue only)", Optional: true),
    ];

    public CheckResult Check(PropertyMap inputs)
    {
        var check = new InputChecker();
        check.RejectUnknownKeys(inputs, string.Empty, [.. WebhookSubscriptionFields.Table.Properties]);
        // Required in Check, with no default: the default is the stack file's (the reader fills it in).
        var service = check.String(inputs, string.Empty, WebhookSubscriptionFields.Service.Property!, required: true, s => WithGuess(BirdRules.WebhookService(s), s, BirdRules.WebhookServices));
        var knownService = service is { ContainsUnknown: false } && BirdRules.WebhookService(service.AsString()) is null ? service.AsString() : null;
        var @event = check.String(inputs, string.Empty, WebhookSubscriptionFields.Event, e => knownService is null ? null : WithGuess(BirdRules.WebhookEvent(knownService, e), e, WebhookSubscriptionFields.KnownEvents));
        // Filter keys are judged against a known event only: an unknown service or event is reported once, by itself.
        var knownEvent = knownService is not null && @event is { ContainsUnknown: false } && BirdRules.WebhookEvent(knownService, @event.AsString()) is null ? @event.AsString() : null;
        var filters = check.List(inputs, string.Empty, WebhookSubscriptionFields.EventFilters);
        var normalised = PropertyMaps.Of(
            (WebhookSubscriptionFields.Service.Property!, service),
            (WebhookSubscriptionFields.Event.Property!, @event),
            (WebhookSubscriptionFields.Url.Property!, check.String(inputs, string.Empty, WebhookSubscriptionFields.Url, u => BirdRules.WebhookUrl(u, _allowHttpLoopback))),
            (WebhookSubscriptionFields.SigningKey.Property!, check.String(inputs, string.Empty, WebhookSubscriptionFields.SigningKey, SigningKeyRule)),
            (WebhookSubscriptionFields.EventFilters.Property!, filters is { } list ? CheckFilters(check, list, knownEvent) : inputs[WebhookSubscriptionFields.EventFilters.Property!]),
            (WebhookSubscriptionFields.Status.Property!, check.String(inputs, string.Empty, WebhookSubscriptionFields.Status)),
            (WebhookSubscriptionFields.Template.Property!, check.String(inputs, string.Empty, WebhookSubscriptionFields.Template)));
        return new CheckResult(normalised, check.Failures);
    }

    /// <summary>
    /// Service and event force a replacement; so does removing the signing key or the template, which Bird's PATCH
    /// cannot clear (both are non-nullable strings there). With the natural key unchanged the old subscription must go
    /// first (Bird refuses a duplicate), so the plan says deliveries pause in between.
    /// </summary>
    public DiffResult Diff(ResourceSnapshot old, PropertyMap newInputs)
    {
        var before = Check(old.Inputs).Inputs;
        var after = Check(newInputs).Inputs;
        // Bird never returns a signing key, so one absent from state was never known (an imported subscription): not a
        // reason to update. A stack file always declares one (BI023); a program that adds one later uses `--replace`.
        var changes = PropertyDiffer.Compare(before, after, ReplaceKeys.Contains, SecretKeys, requiredSecretKeys: SecretKeys)
            .Select(c => IsRemoval(c) ? c with { ForcesReplacement = true } : c)
            .ToImmutableArray();
        var sameNaturalKey = NaturalKeyFields.All(k => Equals(before[k], after[k]));
        var result = PropertyDiffer.Result(changes, deleteBeforeReplace: sameNaturalKey);
        return changes.Any(IsRemoval) ? result with { Reason = RemovalReason } : result;
    }

    private const string RemovalReason =
        "Bird's PATCH cannot remove a signing key or template, so the subscription is deleted and created again without it; events in between are not delivered";

    private static bool IsRemoval(PropertyDiff change) =>
        ClearableOnlyByReplace.Contains(change.Path) && change.Old is { IsNull: false } && change.New is null or { IsNull: true };

    /// <summary>Bird itself refuses a second subscription with the same service, event, url and filters (409).</summary>
    public string NaturalKey(PropertyMap inputs)
    {
        var filters = (inputs[WebhookSubscriptionFields.EventFilters.Property!]?.AsList() ?? [])
            .Select(f => $"{f.AsMap().GetString(WebhookSubscriptionFields.FilterKey.Property!)}={f.AsMap().GetString(WebhookSubscriptionFields.FilterValue.Property!)}")
            .Order(StringComparer.Ordinal);
        return $"{Name}:{inputs.GetString(WebhookSubscriptionFields.Service.Property!)}:{inputs.GetString(WebhookSubscriptionFields.Event.Property!)}:{inputs.GetString(WebhookSubscriptionFields.Url.Property!)}:{string.Join(',', filters)}";
    }

    public async Task<ResourceSnapshot> CreateAsync(ProviderContext context, PropertyMap inputs, CancellationToken cancellationToken)
    {
        var spec = WebhookSubscriptionSpec.FromInputs(Check(inputs).Inputs);
        var body = new
        {
            service = spec.Service,
            @event = spec.Event,
            url = spec.Url,
            signingKey = spec.SigningKey?.Reveal(),
            eventFilters = spec.EventFilters.Select(f => new { key = f.Key, value = f.Value }),
            template = spec.Template,
        };
        var created = await context.Client.PostAsync<SubscriptionWire>(Subscriptions.Path(context), body, Redact(spec), cancellationToken).ConfigureAwait(false);

        // New subscriptions start active; a desired 'inactive' takes a PATCH (the create body has no status).
        if (!string.Equals(created.Status ?? WebhookSubscriptionSpec.DefaultStatus, spec.Status, StringComparison.Ordinal))
        {
            created = await context.Client.PatchAsync<SubscriptionWire>(Subscriptions.Item(context, created.Id), new { status = spec.Status }, cancellationToken).ConfigureAwait(false);
        }

        return WithSigningKey(Snapshot(created), spec.SigningKey?.ToPropertyValue());
    }

    public async Task<ResourceSnapshot?> ReadAsync(ProviderContext context, ResourceSnapshot known, CancellationToken cancellationToken) =>
        await Subscriptions.ReadAsync<SubscriptionWire>(context, known.Id, Snapshot, cancellationToken).ConfigureAwait(false) is { } live ? MergeLive(known, live) : null;

    public async Task<IReadOnlyList<ResourceSnapshot>> ListAsync(ProviderContext context, CancellationToken cancellationToken) =>
        await Subscriptions.ListAsync<SubscriptionWire>(context, Snapshot, cancellationToken).ConfigureAwait(false);

    /// <summary>Bird never returns the signing key after create: keep it from what state knows.</summary>
    public ResourceSnapshot MergeLive(ResourceSnapshot known, ResourceSnapshot live) =>
        WithSigningKey(live, known.Inputs[WebhookSubscriptionFields.SigningKey.Property!] is { IsNull: false } key ? key : null);

    /// <summary>One PATCH with only what changed. Never a null: Bird rejects it (422), and Diff turns a removal into a replacement.</summary>
    public async Task<ResourceSnapshot> UpdateAsync(ProviderContext context, ResourceSnapshot old, PropertyMap newInputs, CancellationToken cancellationToken)
    {
        var before = WebhookSubscriptionSpec.FromInputs(Check(old.Inputs).Inputs);
        var after = WebhookSubscriptionSpec.FromInputs(Check(newInputs).Inputs);
        if (before.Service != after.Service || before.Event != after.Event)
        {
            throw new InvalidOperationException($"WebhookSubscription {old.Id}: service and event cannot be updated in place; the plan must replace it.");
        }

        if ((before.SigningKey is not null && after.SigningKey is null) || (before.Template is not null && after.Template is null))
        {
            throw new InvalidOperationException($"WebhookSubscription {old.Id}: Bird's PATCH cannot remove the signing key or template; the plan must replace it.");
        }

        var body = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (before.Url != after.Url)
        {
            body[WebhookSubscriptionFields.Url.Property!] = after.Url;
        }

        if (!Equals(before.SigningKey, after.SigningKey))
        {
            body[WebhookSubscriptionFields.SigningKey.Property!] = after.SigningKey!.Reveal();
        }

        if (!before.EventFilters.SequenceEqual(after.EventFilters))
        {
            body[WebhookSubscriptionFields.EventFilters.Property!] = after.EventFilters.Select(f => new { key = f.Key, value = f.Value }).ToArray();
        }

        if (before.Status != after.Status)
        {
            body[WebhookSubscriptionFields.Status.Property!] = after.Status;
        }

        if (before.Template != after.Template)
        {
            body[WebhookSubscriptionFields.Template.Property!] = after.Template;
        }

        if (body.Count == 0)
        {
            return old;
        }

        var updated = await context.Client.PatchAsync<SubscriptionWire>(Subscriptions.Item(context, old.Id), body, Redact(after), cancellationToken).ConfigureAwait(false);
        return WithSigningKey(Snapshot(updated), after.SigningKey?.ToPropertyValue());
    }

    public Task DeleteAsync(ProviderContext context, ResourceSnapshot old, CancellationToken cancellationToken) =>
        Subscriptions.DeleteAsync(context, old.Id, cancellationToken);

    internal static ResourceSnapshot Snapshot(SubscriptionWire wire)
    {
        var spec = new WebhookSubscriptionSpec(
            wire.Service,
            wire.Event,
            wire.Url,
            null,
            WebhookSubscriptionSpec.Normalise((wire.EventFilters ?? []).Select(f => new WebhookEventFilter(f.Key, f.Value))),
            string.IsNullOrEmpty(wire.Status) ? WebhookSubscriptionSpec.DefaultStatus : wire.Status,
            string.IsNullOrEmpty(wire.Template) ? null : wire.Template);
        return ResourceSnapshot.FromBird(wire.Id, spec.ToInputs(), (WebhookSubscriptionFields.OrganizationId.Name, PropertyMaps.Text(wire.OrganizationId)), (WebhookSubscriptionFields.WorkspaceId.Name, PropertyMaps.Text(wire.WorkspaceId)));
    }

    private static ResourceSnapshot WithSigningKey(ResourceSnapshot snapshot, PropertyValue? signingKey)
    {
        var key = WebhookSubscriptionFields.SigningKey.Property!;
        if (signingKey is null)
        {
            return snapshot with { Inputs = snapshot.Inputs.Without(key), Outputs = snapshot.Outputs.Without(key) };
        }

        var secret = PropertyValue.Secret(signingKey);
        return snapshot with { Inputs = snapshot.Inputs.With(key, secret), Outputs = snapshot.Outputs.With(key, secret) };
    }

    private static string[] Redact(WebhookSubscriptionSpec spec) => spec.SigningKey is { } key ? [key.Reveal()] : [];

    private static PropertyValue CheckFilters(InputChecker check, ImmutableArray<PropertyValue> items, string? knownEvent)
    {
        var known = new List<WebhookEventFilter>();
        var unknown = new List<PropertyValue>();
        var channelFilters = 0;
        var channelValues = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (map, path) in check.Objects(items, WebhookSubscriptionFields.EventFilters, WebhookSubscriptionFields.Filter))
        {
            var key = check.String(map, path, WebhookSubscriptionFields.FilterKey, k => knownEvent is null ? null : BirdRules.EventFilterKey(knownEvent, k));
            var value = check.String(map, path, WebhookSubscriptionFields.FilterValue);
            // Filters are a set: the same channelId filter twice is one filter.
            if (key is { ContainsUnknown: false } && key.AsString() == WebhookSubscriptionSection.ChannelIdKey && (value is not { ContainsUnknown: false } || channelValues.Add(value.AsString())))
            {
                if (++channelFilters > 1)
                {
                    check.Fail(path, "A subscription takes only one channelId filter.", "Make one subscription per channel.", DiagnosticCodes.MultipleChannelFilters);
                    continue;
                }

                if (value is { ContainsUnknown: false } && value.AsString().Length > 0 && BirdRules.Uuid(value.AsString()) is { } uuid)
                {
                    check.Fail(InputChecker.Join(path, WebhookSubscriptionFields.FilterValue.Property!), uuid.Message, "A channelId filter holds a channel UUID; in a stack file, for a connector of the stack write channel: <connector name> instead.", DiagnosticCodes.InvalidUuid);
                    continue;
                }
            }

            if (key is null || value is null)
            {
                continue;
            }

            if (key.ContainsUnknown || value.ContainsUnknown)
            {
                unknown.Add(PropertyValue.Map(PropertyMaps.Of((WebhookSubscriptionFields.FilterKey.Property!, key), (WebhookSubscriptionFields.FilterValue.Property!, value))));
            }
            else
            {
                known.Add(new WebhookEventFilter(key.AsString(), value.AsString()));
            }
        }

        var normalised = WebhookSubscriptionSpec.Normalise(known);
        return PropertyValue.List(WebhookSubscriptionSpec.FiltersValue(normalised).AsList().Concat(unknown));
    }

    internal static RuleViolation? StatusRule(string status) =>
        WebhookSubscriptionFields.Statuses.Contains(status) ? null : new RuleViolation($"'{Text.Shown(status)}' is not a subscription status.", "Write status: active or status: inactive.", DiagnosticCodes.InvalidStatus);

    private static RuleViolation? WithGuess(RuleViolation? violation, string value, IEnumerable<string> known) =>
        violation is not null && Text.Closest(value, known) is { } guess ? violation with { Hint = $"Did you mean '{guess}'? {violation.Hint}" } : violation;

    private static RuleViolation? SigningKeyRule(string key) =>
        key.Length is > 0 and <= 1024 && !key.Any(char.IsControl)
            ? null
            : new RuleViolation("The signing key is invalid.", "Use 1 to 1024 printable characters, e.g. a base64 string of 32 random bytes.");

    private static KindSchema BuildSchema() => KindSchema.From(
        "A webhook subscription: Bird POSTs matching events, signed, to the URL. Service or event changes replace it; the rest updates in place.",
        "subscription",
        WebhookSubscriptionFields.Table.Inputs,
        WebhookSubscriptionFields.Outputs);
}
