using BirdInfra.Providers.Kinds;
using BirdInfra.Providers.StackFiles;
using BirdInfra.Stacks;

namespace BirdInfra.Tests.Stacks;

internal static class TestEnvironments
{
    public static readonly IReadOnlyDictionary<string, string> Real = new Dictionary<string, string>
    {
        ["BIRD_ORGANIZATION_ID"] = "6f0c1c9e-5d7b-4d8e-9a0b-1c2d3e4f5a6b",
        ["BIRD_WORKSPACE_ID"] = "3b1e2c4d-6e8f-4a0b-8c1d-2e3f4a5b6c7d",
        ["BIRD_ACCESS_KEY"] = "AbCdEfGhIjKlMnOpQrStUvWxYzAbCdEfGhIj",
        ["WHATSAPP_ACCESS_TOKEN"] = "EAAG-test-token",
        ["BIRD_WEBHOOK_SIGNING_KEY"] = "c2VjcmV0LWtleQ==",
    };

    /// <summary>The same values under a shipped stack's own variable names (BIRD_DEV_*, BIRD_PROD_*), as <see cref="Real"/> for an old-style file.</summary>
    public static IReadOnlyDictionary<string, string> RealFor(string stack) =>
        Real.ToDictionary(kv => ForStack(kv.Key, stack), kv => kv.Value);

    /// <summary>BIRD_ORGANIZATION_ID → BIRD_PROD_ORGANIZATION_ID, WHATSAPP_ACCESS_TOKEN → BIRD_PROD_WHATSAPP_ACCESS_TOKEN.</summary>
    public static string ForStack(string variable, string stack) =>
        $"BIRD_{stack.ToUpperInvariant()}_{(variable.StartsWith("BIRD_", StringComparison.Ordinal) ? variable[5..] : variable)}";

    public static StackLoadOptions Empty(bool checkSecrets = true) => new(_ => null, checkSecrets) { Kinds = BirdKinds.Default };

    public static StackLoadOptions With(IReadOnlyDictionary<string, string> variables, Func<string, bool>? hasConfig = null) =>
        new(name => variables.TryGetValue(name, out var value) ? value : null, CheckSecretsAvailable: true, hasConfig) { Kinds = BirdKinds.Default };
}
