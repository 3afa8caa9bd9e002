using BirdInfra.Providers.Stacks;
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

    public static StackLoadOptions Empty(bool checkSecrets = true) => new(_ => null, checkSecrets);

    public static StackLoadOptions With(IReadOnlyDictionary<string, string> variables, Func<string, bool>? hasConfig = null) =>
        new(name => variables.TryGetValue(name, out var value) ? value : null, CheckSecretsAvailable: true, hasConfig);
}
