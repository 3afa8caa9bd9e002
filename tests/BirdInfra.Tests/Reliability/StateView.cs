using BirdInfra.Providers.Properties;
using BirdInfra.State;
using BirdInfra.Tests.Support;

namespace BirdInfra.Tests.Reliability;

/// <summary>A stack's state file opened with the workspace's passphrase: who it owns, what is pending, which secrets it holds.</summary>
public sealed record StateView(StackState State)
{
    public IEnumerable<StateResource> Owned => State.Resources;

    public static async Task<StateView> OpenAsync(StackWorkspace ws) => new(await ws.OpenStateAsync());

    /// <summary>Every secret string in state (the access key's token, generated signing keys, tokens from the environment).</summary>
    public IReadOnlyList<string> Secrets() =>
        State.Resources.SelectMany(r => r.Inputs.Values.Concat(r.Outputs.Values)).SelectMany(v => SecretStrings(v, false)).Distinct(StringComparer.Ordinal).ToList();

    public string? AccessKeyToken() =>
        State.Resources.SingleOrDefault(r => r.Address.Kind == "AccessKey" && !r.Deposed)?.Outputs["token"] is { IsSecret: true } token ? token.RevealString() : null;

    private static IEnumerable<string> SecretStrings(PropertyValue value, bool insideSecret)
    {
        var secret = insideSecret || value.IsSecret;
        var plain = value.Unwrapped;
        if (plain.Kind == PropertyKind.String && secret && plain.RevealString().Length > 0)
        {
            return [plain.RevealString()];
        }

        return plain.Kind switch
        {
            PropertyKind.List => plain.AsList().SelectMany(v => SecretStrings(v, secret)),
            PropertyKind.Map => plain.AsMap().Values.SelectMany(v => SecretStrings(v, secret)),
            _ => [],
        };
    }
}
