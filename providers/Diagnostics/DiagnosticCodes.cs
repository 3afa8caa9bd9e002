
namespace BirdInfra.Providers.Diagnostics;

/// <summary>
/// The stable diagnostic codes of stack validation. Codes are never reused or renumbered; the table in
/// stacks/README.md documents each one (a test keeps the two in step).
/// </summary>
public static class DiagnosticCodes
{
    // Reading the file and its YAML (hostile input is stopped here, before any validation).
    public const string FileUnreadable = "BI001";
    public const string FileTooLarge = "BI002";
    public const string NotUtf8 = "BI003";
    public const string YamlSyntax = "BI004";
    public const string NestingTooDeep = "BI005";
    public const string AliasLimit = "BI006";
    public const string MultipleDocuments = "BI007";
    public const string UnsupportedTag = "BI008";
    public const string ComplexKey = "BI009";
    public const string DuplicateKey = "BI010";
    public const string StringTooLong = "BI011";
    public const string ControlCharacters = "BI012";
    public const string TooManyProblems = "BI013";

    // Shape of the document.
    public const string TopLevelNotMapping = "BI020";
    public const string UnknownKey = "BI021";
    public const string WrongType = "BI022";
    public const string MissingField = "BI023";
    public const string EmptyList = "BI024";
    public const string DuplicateListItem = "BI025";

    // Names, identities and references.
    public const string InvalidLogicalName = "BI030";
    public const string DuplicateLogicalName = "BI031";
    public const string DuplicateBirdName = "BI032";
    public const string DuplicatePhoneNumber = "BI033";
    public const string DuplicateSubscription = "BI034";
    public const string UndeclaredReference = "BI035";

    // The target.
    public const string InvalidEndpoint = "BI040";
    public const string TargetFieldNotAllowed = "BI041";
    public const string TargetFieldRequired = "BI042";

    // Values from the environment and secrets.
    public const string LiteralSecret = "BI050";
    public const string InvalidValueSource = "BI051";
    public const string GenerateNotAllowed = "BI052";
    public const string GenerateLengthOutOfRange = "BI053";
    public const string InvalidEnvironmentVariableName = "BI054";
    public const string InvalidConfigKey = "BI055";
    public const string MissingEnvironmentVariable = "BI056";
    public const string InvalidEnvironmentValue = "BI057";

    // Interpolation.
    public const string UnknownInterpolation = "BI060";
    public const string InterpolationNotAllowed = "BI061";

    // Bird's rules for values.
    public const string InvalidName = "BI070";
    public const string InvalidDescription = "BI071";
    public const string InvalidEffect = "BI072";
    public const string InvalidAction = "BI073";
    public const string InvalidResourcePath = "BI074";
    public const string InvalidPhoneNumber = "BI075";
    public const string InvalidConnectorTemplate = "BI076";
    public const string InvalidMetaId = "BI077";
    public const string InvalidUuid = "BI078";
    public const string InvalidValue = "BI079";
    public const string InvalidWebhookUrl = "BI080";
    public const string UnknownWebhookService = "BI081";
    public const string UnknownWebhookEvent = "BI082";
    public const string UnknownEventFilterKey = "BI083";
    public const string ChannelNotAllowed = "BI084";
    public const string MultipleChannelFilters = "BI085";
    public const string SubscriptionLimit = "BI086";
    public const string InvalidStatus = "BI087";
    public const string InvalidFilterValue = "BI088";

    /// <summary>A warning: a <c>/x/**</c> policy resource whose parent <c>/x</c> no definition of the policy covers.</summary>
    public const string UncoveredSubtreeParent = "BI089";

    // Guards.
    public const string UnknownProtectedSection = "BI090";
    public const string UndeclaredProtectedResource = "BI091";
    public const string InvalidDestructiveLimit = "BI092";

    // State backend.
    public const string InvalidStateSetting = "BI093";

    // What Bird's live catalogue leaves unsaid (preview and up; warnings: the run goes on).

    /// <summary>A warning: Bird would not show its webhook catalogue (403, 404, or no channels events); the built-in one is used.</summary>
    public const string LiveCatalogueUnavailable = "BI094";

    /// <summary>A warning: Bird's catalogue lacks a platform's event while the workspace has no channel of that platform yet.</summary>
    public const string EventAwaitsChannel = "BI095";

    // Bases and overlays (extends), and comparisons between stacks.
    public const string InvalidExtends = "BI096";
    public const string ExtendsCycle = "BI097";
    public const string InvalidCompareSetting = "BI098";

    // Drift settings.
    public const string InvalidDriftIgnore = "BI099";
    public const string UnknownDriftStack = "BI100";

    // Access key expectations (accessKeys.<name>.expect).
    public const string InvalidExpectation = "BI101";
    public const string BrokenExpectation = "BI102";

    // guards.accessGains.
    public const string InvalidAccessGainsGuard = "BI103";

    /// <summary>Every code with its one-line title, as documented in stacks/README.md.</summary>
    public static readonly ImmutableSortedDictionary<string, string> Titles = new Dictionary<string, string>
    {
        [FileUnreadable] = "the stack file cannot be read",
        [FileTooLarge] = "the stack file is larger than 1 MiB",
        [NotUtf8] = "the stack file is not valid UTF-8",
        [YamlSyntax] = "YAML syntax error",
        [NestingTooDeep] = "YAML nesting deeper than 64 levels",
        [AliasLimit] = "YAML aliases expand to more than 10,000 nodes, or name an unknown anchor",
        [MultipleDocuments] = "more than one YAML document in the file",
        [UnsupportedTag] = "unsupported YAML tag",
        [ComplexKey] = "a mapping key that is not a plain string",
        [DuplicateKey] = "duplicate mapping key",
        [StringTooLong] = "a string longer than 4096 characters",
        [ControlCharacters] = "control or bidirectional-override characters",
        [TooManyProblems] = "more than 500 problems; the rest are not shown",
        [TopLevelNotMapping] = "the top level is not a mapping",
        [UnknownKey] = "unknown key",
        [WrongType] = "wrong type (mapping, list, string, boolean or integer expected)",
        [MissingField] = "a required field is missing",
        [EmptyList] = "a list that must not be empty is empty",
        [DuplicateListItem] = "the same item twice in a list",
        [InvalidLogicalName] = "invalid logical name",
        [DuplicateLogicalName] = "duplicate logical name in a section",
        [DuplicateBirdName] = "two declarations of one kind with the same Bird-side name",
        [DuplicatePhoneNumber] = "two connectors for the same phone number",
        [DuplicateSubscription] = "two webhook subscriptions with the same service, event, url and filters",
        [UndeclaredReference] = "reference to an undeclared policy, role or connector",
        [InvalidEndpoint] = "target.endpoint is neither `emulator` nor an https URL",
        [TargetFieldNotAllowed] = "a target field that the endpoint does not allow",
        [TargetFieldRequired] = "a target field that the endpoint requires is missing",
        [LiteralSecret] = "a secret written as a literal value",
        [InvalidValueSource] = "an `{env: ...}` / `{generate: ...}` value of the wrong shape",
        [GenerateNotAllowed] = "`{generate: true}` where a generated value cannot work",
        [GenerateLengthOutOfRange] = "generated secret length outside 16..128",
        [InvalidEnvironmentVariableName] = "invalid environment variable name",
        [InvalidConfigKey] = "invalid Pulumi config key",
        [MissingEnvironmentVariable] = "an environment variable the stack needs is not set",
        [InvalidEnvironmentValue] = "an environment variable holds a value of the wrong form",
        [UnknownInterpolation] = "unknown or malformed `${...}` interpolation",
        [InterpolationNotAllowed] = "`${...}` in a field that does not interpolate",
        [InvalidName] = "invalid Bird-side name",
        [InvalidDescription] = "invalid description",
        [InvalidEffect] = "invalid policy effect",
        [InvalidAction] = "invalid policy action",
        [InvalidResourcePath] = "invalid policy resource path",
        [InvalidPhoneNumber] = "phone number not in E.164 form",
        [InvalidConnectorTemplate] = "unsupported connector template",
        [InvalidMetaId] = "wabaId / phoneId is not a numeric Meta id",
        [InvalidUuid] = "not a UUID",
        [InvalidValue] = "a value breaks another of Bird's rules (blank, too many roles, unknown role type, ...)",
        [InvalidWebhookUrl] = "webhook URL is not https with a public host",
        [UnknownWebhookService] = "unknown webhook service",
        [UnknownWebhookEvent] = "unknown webhook event",
        [UnknownEventFilterKey] = "unknown event filter key for the event",
        [ChannelNotAllowed] = "`channel:` on an event that cannot be filtered by channel",
        [MultipleChannelFilters] = "more than one channelId filter on a subscription",
        [SubscriptionLimit] = "more than 5 subscriptions with the same service, event and filters",
        [InvalidStatus] = "webhook status is not active or inactive",
        [InvalidFilterValue] = "empty event filter value",
        [UncoveredSubtreeParent] = "warning: a `/x/**` policy resource, and no definition of the policy covers `/x` itself",
        [UnknownProtectedSection] = "guards.protect names an unknown section",
        [UndeclaredProtectedResource] = "guards.protect names a resource the stack does not declare",
        [InvalidDestructiveLimit] = "guards.maxDestructiveChanges is not a whole number >= 0",
        [InvalidStateSetting] = "the state: setting names an unknown backend, lacks the connection postgres needs, or has a setting its backend does not take",
        [LiveCatalogueUnavailable] = "warning: Bird's webhook catalogue answered 403 or 404, or listed no channels events; the built-in catalogue is used",
        [EventAwaitsChannel] = "warning: Bird's webhook catalogue lacks a platform event and the workspace has no channel of that platform yet",
        [InvalidExtends] = "`extends` is not a path to a readable stack file, or its base is not a mapping",
        [ExtendsCycle] = "`extends` leads back to a file already in the chain (a cycle)",
        [InvalidCompareSetting] = "the `compare:` setting is not `{ expect: [address or address.property patterns] }`",
        [InvalidDriftIgnore] = "a drift.ignore entry names an unknown kind, or not exactly one of name and id",
        [UnknownDriftStack] = "drift.stacks names no stack file beside this one (or this stack itself)",
        [InvalidExpectation] = "an access key's expect entry is not \"METHOD PATH\" with a known method and a literal path (segments, `*`, `${organizationId}`, `${workspaceId}`)",
        [InvalidAccessGainsGuard] = "guards.accessGains is not warn or block",
        [BrokenExpectation] = "an access key's policies break its expect: an expected operation is denied for some id, or an operation expected denied is allowed for some id",
    }.ToImmutableSortedDictionary(StringComparer.Ordinal);
}
