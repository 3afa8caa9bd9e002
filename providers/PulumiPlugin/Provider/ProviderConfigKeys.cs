using System.Collections.Immutable;

namespace BirdInfra.PulumiPlugin.Provider;

/// <summary>The provider's configuration keys; the schema, CheckConfig, DiffConfig and Configure all read this table.</summary>
public static class ProviderConfigKeys
{
    public static readonly ConfigKey Endpoint = new(
        "endpoint", "string", "Bird API base URL; default https://api.bird.com/. Point it at the emulator for tests.", "BIRD_ENDPOINT", Required: false, Default: "https://api.bird.com/");

    public static readonly ConfigKey AccessKey = new(
        "accessKey", "string", "Bird access key allowed to manage IAM, connectors and webhook subscriptions.", "BIRD_ACCESS_KEY", Required: true, Secret: true);

    public static readonly ConfigKey OrganizationId = new(
        "organizationId", "string", "Bird organization id (Settings → Organization).", "BIRD_ORGANIZATION_ID", Required: true);

    public static readonly ConfigKey WorkspaceId = new(
        "workspaceId", "string", "Bird workspace id (Settings → Workspace).", "BIRD_WORKSPACE_ID", Required: true);

    // The wait for outputs Bird fills in after a create (ProviderContext.LateOutputTimeout); the key and variable keep
    // their public names, from the one kind that has such outputs today (a connector's channel).
    public static readonly ConfigKey LateOutputTimeoutSeconds = new(
        "channelTimeoutSeconds", "number", "How long a connector create waits for Bird to create its channel; default 120.", "BIRD_CHANNEL_TIMEOUT_SECONDS", Required: false, Default: "120");

    public static readonly ConfigKey RequestTimeoutSeconds = new(
        "requestTimeoutSeconds", "number", "How long one HTTP attempt to Bird may take before it counts as a timeout (and is retried, or looked up for a create); default 30.", "BIRD_REQUEST_TIMEOUT_SECONDS", Required: false, Default: "30");

    public static readonly ImmutableArray<ConfigKey> All = [Endpoint, AccessKey, OrganizationId, WorkspaceId, LateOutputTimeoutSeconds, RequestTimeoutSeconds];

    /// <summary>Keys a config change cannot carry over: resources made against another Bird, organization or workspace are not the same objects.</summary>
    public static readonly ImmutableHashSet<string> ReplaceOnChange = ImmutableHashSet.Create(StringComparer.Ordinal, Endpoint.Name, OrganizationId.Name, WorkspaceId.Name);

    /// <summary>Keys the engine adds to provider inputs itself.</summary>
    public static readonly ImmutableHashSet<string> EngineKeys = ImmutableHashSet.Create(StringComparer.Ordinal, "version", "pluginDownloadURL");
}
