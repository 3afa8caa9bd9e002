
namespace BirdInfra.Providers.StackFiles.Reading;

/// <summary>
/// The keys of the stack format's own mappings (target, guards, value sources); each kind's section lists its
/// entry's keys. stacks/stack.schema.json is generated from both (a test compares it with the committed file).
/// </summary>
internal static class StackKeys
{
    public const string Target = "target";
    public const string Guards = "guards";
    public const string Protect = "protect";
    public const string State = "state";
    public const string Extends = "extends";
    public const string Compare = "compare";
    public const string Expect = "expect";

    public static readonly ImmutableArray<string> TargetKeys = ["endpoint", "organizationId", "workspaceId", "accessKey", "allowHttpWebhooks"];
    public static readonly ImmutableArray<string> StateKeys = ["backend", "connection", "schema"];
    public static readonly ImmutableArray<string> GuardsKeys = [Protect, "maxDestructiveChanges", "accessGains"];
    public static readonly ImmutableArray<string> ValueFromEnvironment = ["env"];
    public static readonly ImmutableArray<string> Secret = ["env", "config", "generate", "length"];
}
