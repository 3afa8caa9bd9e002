using System.Text.RegularExpressions;

namespace BirdInfra.Providers.Rules;

/// <summary>
/// Bird's value rules, shared by the stack validator (offline) and the kinds' Check. Each rule returns
/// null when the value is valid, otherwise a violation with a message a user can act on and a hint.
/// Rules come from the Bird fact sheet and docs/bird-api-decisions.md.
/// </summary>
public static partial class BirdRules
{
    public const int MinNameLength = 1;
    public const int MaxNameLength = 256;
    public const int MaxResourcePathLength = 1024;
    public const int MaxWebhookUrlLength = 2048;

    /// <summary>E.164: '+', a country code not starting with 0, 7 to 15 digits in all.</summary>
    public const string E164Pattern = @"^\+[1-9][0-9]{6,14}$";

    /// <summary>Meta's ids (WhatsApp Business Account, phone-number id): digits only.</summary>
    public const string MetaIdPattern = "^[0-9]{1,32}$";

    /// <summary>A Bird id: a UUID in the 8-4-4-4-12 form, either case.</summary>
    public const string UuidPattern = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

    public static readonly ValueRule NameRule = new(Name, SchemaRef: "birdName");

    public static readonly ValueRule DescriptionRule = new(Description, SchemaRef: "birdName");

    public static readonly ValueRule PhoneNumberRule = new(PhoneNumber, E164Pattern);

    public static readonly ValueRule UuidRule = new(Uuid, SchemaRef: "uuid");

    /// <summary>The type of an IAM policy or role: custom ones are <c>organization</c> (a reference's default), Bird's own <c>managed</c>.</summary>
    public const string CustomIamType = "organization";

    /// <inheritdoc cref="CustomIamType"/>
    public const string ManagedIamType = "managed";

    /// <inheritdoc cref="CustomIamType"/>
    public static readonly ImmutableArray<string> IamTypes = ImmutableArray.Create(CustomIamType, ManagedIamType);

    public static readonly ImmutableArray<string> PolicyEffects = ImmutableArray.Create("allow", "deny");

    public static readonly ImmutableArray<string> PolicyActions = ImmutableArray.Create("any", "create", "view", "update", "delete");

    public static readonly ImmutableArray<string> ConnectorTemplates = ImmutableArray.Create("whatsapp:1");

    public static readonly ImmutableArray<string> WebhookServices = ImmutableArray.Create("channels", "numbers", "payments", "conversations");

    /// <summary>Platforms that have <c>&lt;platform&gt;.inbound|outbound|interaction</c> events (fact sheet §4.3).</summary>
    public static readonly ImmutableArray<string> ChannelPlatforms = ImmutableArray.Create(
        "sms", "whatsapp", "email", "line", "instagram", "facebook", "viber", "linkedin", "tiktok", "telegram");

    /// <summary>The event filter key that names one channel (a webhook subscription's <c>connector:</c> becomes it).</summary>
    public const string ChannelIdFilterKey = "channelId";

    /// <summary>Channel event suffixes and the filter keys each one supports (fact sheet §4.3).</summary>
    private static readonly ImmutableDictionary<string, ImmutableArray<string>> MessageEventFilterKeys =
        new Dictionary<string, ImmutableArray<string>>
        {
            ["inbound"] = ImmutableArray.Create(ChannelIdFilterKey),
            ["outbound"] = ImmutableArray.Create(ChannelIdFilterKey, "messageStatus"),
            ["interaction"] = ImmutableArray.Create(ChannelIdFilterKey, "interactionType"),
        }.ToImmutableDictionary(StringComparer.Ordinal);

    private static readonly ImmutableArray<string> ChannelLifecycleEvents = ImmutableArray.Create("channel.created", "channel.updated");

    private static readonly ImmutableArray<string> ChannelLifecycleFilterKeys = ImmutableArray.Create("platformId", "channelStatus");

    /// <summary>Voice events (fact sheet §4.3) are published under the channels service.</summary>
    private static readonly ImmutableArray<string> VoiceEvents = ImmutableArray.Create("voice.inbound", "voice.outbound");

    private static readonly ImmutableArray<string> VoiceFilterKeys = ImmutableArray.Create(ChannelIdFilterKey, "status");

    public static readonly ValueRule ConnectorTemplateRule = new(ConnectorTemplate, Values: ConnectorTemplates);

    /// <summary>A Meta id (Bird answers 422 otherwise), written quoted in a stack file so no digit is lost.</summary>
    public static ValueRule MetaId(string key, string example) => new(
        v => MetaIdRegex().IsMatch(v)
            ? null
            : new RuleViolation(
                $"'{Text.Shown(v)}' is not a Meta id: {key} is a number.",
                $"Copy the numeric id from WhatsApp embedded signup, quoted, e.g. {key}: \"{example}\".",
                DiagnosticCodes.InvalidMetaId),
        MetaIdPattern);

    /// <summary>A value that must not be blank (a token), with the fix for <paramref name="key"/>.</summary>
    public static ValueRule NonBlank(string key, string hint) =>
        new(v => string.IsNullOrWhiteSpace(v) ? new RuleViolation($"'{key}' is blank.", hint) : null);

    public static RuleViolation? Name(string value) => BoundedText("name", value, DiagnosticCodes.InvalidName);

    public static RuleViolation? Description(string value) => BoundedText("description", value, DiagnosticCodes.InvalidDescription);

    public static RuleViolation? PolicyEffect(string value) =>
        IsNot(PolicyEffects.Contains(value, StringComparer.Ordinal), value, "a policy effect", "Use 'allow' or 'deny' (lower case).", DiagnosticCodes.InvalidEffect);

    public static RuleViolation? PolicyAction(string value) =>
        IsNot(
            PolicyActions.Contains(value, StringComparer.Ordinal), value, "a policy action",
            "Use one of any, create (POST), view (GET), update (PUT/PATCH), delete (DELETE), in lower case.", DiagnosticCodes.InvalidAction);

    public static RuleViolation? ResourcePath(string value)
    {
        const string hint = "Write an API path without host or query, e.g. '/workspaces/*/channels/*/messages'; '*' matches one segment, '**' (last only) one or more segments below, so '/x/**' does not cover '/x'.";
        if (string.IsNullOrEmpty(value))
        {
            return new RuleViolation("The resource path is empty.", hint, DiagnosticCodes.InvalidResourcePath);
        }

        if (value.Length > MaxResourcePathLength)
        {
            return new RuleViolation($"The resource path is {value.Length} characters long; the limit is {MaxResourcePathLength}.", hint, DiagnosticCodes.InvalidResourcePath);
        }

        if (value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return new RuleViolation($"The resource path '{Shown(value)}' contains whitespace or control characters.", hint, DiagnosticCodes.InvalidResourcePath);
        }

        if (value[0] != '/')
        {
            return new RuleViolation($"The resource path '{Shown(value)}' does not start with '/'.", hint, DiagnosticCodes.InvalidResourcePath);
        }

        if (value.Contains('?', StringComparison.Ordinal) || value.Contains('#', StringComparison.Ordinal))
        {
            return new RuleViolation($"The resource path '{Shown(value)}' contains a query string or fragment.", hint, DiagnosticCodes.InvalidResourcePath);
        }

        var segments = value[1..].Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (segment.Length == 0)
            {
                return new RuleViolation($"The resource path '{Shown(value)}' has an empty segment (a doubled or trailing '/').", hint, DiagnosticCodes.InvalidResourcePath);
            }

            if (segment == "**")
            {
                if (i != segments.Length - 1)
                {
                    return new RuleViolation($"The resource path '{Shown(value)}' uses '**' before its last segment.", hint, DiagnosticCodes.InvalidResourcePath);
                }

                continue;
            }

            if (segment == "*")
            {
                continue;
            }

            if (!PathSegmentPattern().IsMatch(segment))
            {
                return new RuleViolation(
                    $"The resource path '{Shown(value)}' has an invalid segment '{Shown(segment)}'.",
                    "Segments are letters, digits and . _ ~ : @ -, or exactly '*' or '**'; placeholders such as {id} must be replaced by '*' or a value.", DiagnosticCodes.InvalidResourcePath);
            }
        }

        return null;
    }

    public static RuleViolation? PhoneNumber(string value) =>
        IsNot(
            E164Regex().IsMatch(value ?? string.Empty), value, "a phone number in E.164 form",
            "Write '+', the country code and the number, digits only, e.g. '+31612345678'.", DiagnosticCodes.InvalidPhoneNumber);

    public static RuleViolation? ConnectorTemplate(string value) =>
        IsNot(
            ConnectorTemplates.Contains(value, StringComparer.Ordinal), value, "a supported connector template",
            $"Use {string.Join(", ", ConnectorTemplates.Select(t => $"'{t}'"))} (BirdInfra manages WhatsApp connectors only).", DiagnosticCodes.InvalidConnectorTemplate);

    public static RuleViolation? WebhookUrl(string value, bool allowHttpLoopback)
    {
        var hint = allowHttpLoopback
            ? "Use an https URL with a public host name, e.g. 'https://hooks.example.com/bird', or http://127.0.0.1:PORT/... / http://localhost:PORT/... for the emulator."
            : "Use an https URL with a public host name and no port, e.g. 'https://hooks.example.com/bird'.";
        if (string.IsNullOrEmpty(value))
        {
            return new RuleViolation("The webhook URL is empty.", hint, DiagnosticCodes.InvalidWebhookUrl);
        }

        if (value.Length > MaxWebhookUrlLength)
        {
            return new RuleViolation($"The webhook URL is {value.Length} characters long; the limit is {MaxWebhookUrlLength}.", hint, DiagnosticCodes.InvalidWebhookUrl);
        }

        if (HttpsUrlPattern().IsMatch(value))
        {
            return null;
        }

        if (allowHttpLoopback && LoopbackUrlPattern().IsMatch(value))
        {
            return null;
        }

        var reason = value.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            ? "is not https"
            : "is not an https URL with a public host name";
        return new RuleViolation($"The webhook URL '{Shown(value)}' {reason}.", hint, DiagnosticCodes.InvalidWebhookUrl);
    }

    public static RuleViolation? WebhookService(string value) =>
        IsNot(WebhookServices.Contains(value, StringComparer.Ordinal), value, "a webhook service", $"Use one of {string.Join(", ", WebhookServices)}.", DiagnosticCodes.UnknownWebhookService);

    /// <summary>
    /// For <c>channels</c> the catalogue is strict (fact sheet §4.3). Bird's event lists for
    /// numbers, payments and conversations were not retrieved, so there any dotted lower-case name is
    /// accepted and Bird has the last word.
    /// </summary>
    public static RuleViolation? WebhookEvent(string service, string eventName)
    {
        if (WebhookService(service) is { } serviceViolation)
        {
            return serviceViolation;
        }

        if (service != "channels")
        {
            return EventNamePattern().IsMatch(eventName ?? string.Empty)
                ? null
                : new RuleViolation(
                    $"'{Shown(eventName)}' is not a valid event name for service '{service}'.",
                    "Event names are lower case words joined by '.', e.g. 'conversation.created'.", DiagnosticCodes.UnknownWebhookEvent);
        }

        return ChannelEventFilterKeys(eventName) is null
            ? new RuleViolation(
                $"'{Shown(eventName)}' is not an event of service 'channels'.",
                "Use '<platform>.inbound', '<platform>.outbound' or '<platform>.interaction' (e.g. 'whatsapp.inbound'), 'channel.created' or 'channel.updated'.", DiagnosticCodes.UnknownWebhookEvent)
            : null;
    }

    public static RuleViolation? EventFilterKey(string eventName, string key)
    {
        var keys = ChannelEventFilterKeys(eventName);
        if (keys is null)
        {
            // Events outside the channels catalogue: their filter keys are undocumented, so Bird decides.
            return string.IsNullOrWhiteSpace(key)
                ? new RuleViolation("The event filter key is empty.", "Give the filter a key, e.g. 'channelId'.", DiagnosticCodes.UnknownEventFilterKey)
                : null;
        }

        return keys.Value.Contains(key, StringComparer.Ordinal)
            ? null
            : new RuleViolation(
                $"'{Shown(key)}' is not a filter key of event '{eventName}'.",
                $"Event '{eventName}' can be filtered by {string.Join(", ", keys.Value)}.", DiagnosticCodes.UnknownEventFilterKey);
    }

    public static RuleViolation? Uuid(string value) =>
        IsNot(
            UuidRegex().IsMatch(value ?? string.Empty), value, "a UUID",
            "Bird ids look like '3f2504e0-4f89-41d3-9a0c-0305e82c3301' (Settings → Organization shows the organization and workspace ids).", DiagnosticCodes.InvalidUuid);

    /// <summary>The filter keys of a channels-service event, or null when the event is not in the catalogue.</summary>
    internal static ImmutableArray<string>? ChannelEventFilterKeys(string? eventName)
    {
        if (string.IsNullOrEmpty(eventName))
        {
            return null;
        }

        if (ChannelLifecycleEvents.Contains(eventName, StringComparer.Ordinal))
        {
            return ChannelLifecycleFilterKeys;
        }

        if (VoiceEvents.Contains(eventName, StringComparer.Ordinal))
        {
            return VoiceFilterKeys;
        }

        var dot = eventName.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0)
        {
            return null;
        }

        var platform = eventName[..dot];
        var suffix = eventName[(dot + 1)..];
        return ChannelPlatforms.Contains(platform, StringComparer.Ordinal) && MessageEventFilterKeys.TryGetValue(suffix, out var keys)
            ? keys
            : null;
    }

    private static RuleViolation? BoundedText(string what, string value, string code)
    {
        if (string.IsNullOrEmpty(value))
        {
            return new RuleViolation($"The {what} is empty.", $"Give a {what} of {MinNameLength} to {MaxNameLength} characters.", code);
        }

        if (value.Length > MaxNameLength)
        {
            return new RuleViolation(
                $"The {what} is {value.Length} characters long; Bird allows at most {MaxNameLength}.",
                $"Shorten the {what} to {MaxNameLength} characters or fewer.", code);
        }

        if (value.Any(char.IsControl))
        {
            return new RuleViolation(
                $"The {what} '{Shown(value)}' contains control characters (such as a line break or tab).",
                $"Write the {what} on one line without tabs or other control characters.", code);
        }

        return null;
    }

    /// <summary>Echoes user text in a message safely: control characters escaped, long values cut.</summary>
    /// <summary>Null when the value <paramref name="holds"/>; otherwise "'value' is not <paramref name="what"/>." with the fix.</summary>
    private static RuleViolation? IsNot(bool holds, string? value, string what, string hint, string code) =>
        holds ? null : new RuleViolation($"'{Shown(value)}' is not {what}.", hint, code);

    private static string Shown(string? value)
    {
        if (value is null)
        {
            return string.Empty;
        }

        var text = value.Length > 80 ? value[..77] + "..." : value;
        return string.Concat(text.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
    }

    [GeneratedRegex("^[A-Za-z0-9._~:@-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex PathSegmentPattern();

    [GeneratedRegex(E164Pattern, RegexOptions.CultureInvariant)]
    private static partial Regex E164Regex();

    [GeneratedRegex(MetaIdPattern, RegexOptions.CultureInvariant)]
    private static partial Regex MetaIdRegex();

    [GeneratedRegex(@"^https://([a-zA-Z0-9-]+\.)+[a-zA-Z]{2,}(/[^\s]*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex HttpsUrlPattern();

    [GeneratedRegex(@"^http://(127\.0\.0\.1|localhost):[0-9]{1,5}(/[^\s]*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex LoopbackUrlPattern();

    [GeneratedRegex(@"^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$", RegexOptions.CultureInvariant)]
    private static partial Regex EventNamePattern();

    [GeneratedRegex(UuidPattern, RegexOptions.CultureInvariant)]
    private static partial Regex UuidRegex();
}
