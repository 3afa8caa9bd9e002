namespace BirdInfra.Emulator.Tests.Support;

/// <summary>One request the webhook receiver got: path, lower-cased headers, raw body bytes.</summary>
public sealed record ReceivedWebhook(string PathAndQuery, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string Header(string name) => Headers.TryGetValue(name, out var v) ? v : "";
}
