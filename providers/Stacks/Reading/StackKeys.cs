using System.Collections.Immutable;

namespace BirdInfra.Providers.Stacks.Reading;

/// <summary>
/// The keys each mapping of the stack format accepts; anything else is an unknown key. stacks/stack.schema.json
/// lists the same keys (a test compares the two).
/// </summary>
internal static class StackKeys
{
    public const string Target = "target";
    public const string AccessPolicies = "accessPolicies";
    public const string AccessRoles = "accessRoles";
    public const string AccessKeys = "accessKeys";
    public const string Connectors = "connectors";
    public const string WebhookSubscriptions = "webhookSubscriptions";
    public const string Guards = "guards";
    public const string Protect = "protect";

    public static readonly ImmutableArray<string> TopLevel =
        [Target, AccessPolicies, AccessRoles, AccessKeys, Connectors, WebhookSubscriptions, Guards];

    /// <summary>Top-level sections whose keys are logical names.</summary>
    public static readonly ImmutableHashSet<string> Sections =
        [AccessPolicies, AccessRoles, AccessKeys, Connectors, WebhookSubscriptions];

    public static readonly ImmutableArray<string> TargetKeys = ["endpoint", "organizationId", "workspaceId", "accessKey", "allowHttpWebhooks"];
    public static readonly ImmutableArray<string> Policy = ["name", "description", "definitions", Protect];
    public static readonly ImmutableArray<string> PolicyDefinition = ["effect", "actions", "resources"];
    public static readonly ImmutableArray<string> Role = ["name", "description", "policies", Protect];
    public static readonly ImmutableArray<string> AccessKey = ["name", "description", "roles", "workspaces", Protect];
    public static readonly ImmutableArray<string> Connector = ["name", "template", "wabaId", "phoneId", "phoneNumber", "mbPhoneId", "accessToken", Protect];
    public static readonly ImmutableArray<string> Webhook = ["service", "event", "url", "channel", "eventFilters", "status", "signingKey", Protect];
    public static readonly ImmutableArray<string> GuardsKeys = [Protect, "maxDestructiveChanges"];
    public static readonly ImmutableArray<string> EventFilter = ["key", "value"];
    public static readonly ImmutableArray<string> ValueFromEnvironment = ["env"];
    public static readonly ImmutableArray<string> Secret = ["env", "config", "generate", "length"];
}
