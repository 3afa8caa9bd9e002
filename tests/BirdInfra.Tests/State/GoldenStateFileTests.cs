using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BirdInfra.Graph;
using BirdInfra.Providers.Expressions;
using BirdInfra.Providers.Properties;
using BirdInfra.Secrets;
using BirdInfra.State;
using BirdInfra.Tests.Support;

namespace BirdInfra.Tests.State;

/// <summary>
/// The state file as a contract. Golden/state-v1.json was written once by BirdInfra at state version 1 and is never
/// regenerated: it stands for the files users already have. Reading it must give <see cref="Expected"/> (upgraded to the
/// current version), and writing that state must give Golden/state-v2.json, the current format. A new state version
/// gets a golden file of its own beside these, and reading the older ones must keep working.
/// </summary>
public sealed partial class GoldenStateFileTests : IDisposable
{
    private const string Passphrase = "golden-state-passphrase";
    private const string AccessKeyToken = "golden-access-key-token-Qm9yZGVy";
    private const string WhatsAppToken = "EAAG-golden-whatsapp-token-9d2e";
    private const string SigningKey = "golden-signing-key-0c7b";
    private const string ApiKeyHeader = "golden-api-key-header-51aa";
    private readonly string _dir = Directory.CreateTempSubdirectory("birdinfra-golden-state-").FullName;

    private static string GoldenV1Path => RepoPaths.Of("tests", "BirdInfra.Tests", "State", "Golden", "state-v1.json");

    private static string GoldenV2Path => RepoPaths.Of("tests", "BirdInfra.Tests", "State", "Golden", "state-v2.json");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Read_AGoldenFile_GivesTheExpectedState(int version)
    {
        // A state file with five owned objects (one deposed), a pending create and four secrets, opened with its passphrase.
        var (_, state) = await StateStore.OpenAsync(version == 1 ? GoldenV1Path : GoldenV2Path, "dev", Passphrase, CancellationToken.None);

        Describe(state).Should().Be(Describe(Expected()), "a version 1 file reads as the same state, upgraded to the current version");
        state.Pending.Should().Equal(Expected().Pending);
        var token = state.Find(new ResourceAddress("AccessKey", "contact-center"))!.Outputs["token"]!;
        token.IsSecret.Should().BeTrue();
        token.RevealString().Should().Be(AccessKeyToken);
        state.Resources.Should().ContainSingle(r => r.Deposed).Which.Id.Should().Be("sub-0");
    }

    [Fact]
    public async Task Read_TheGoldenFile_WithAnotherPassphrase_IsRefused()
    {
        // The secrets in the golden file are really encrypted under the test's passphrase, not merely encoded.
        var act = () => StateStore.OpenAsync(GoldenV1Path, "dev", "not-the-golden-passphrase", CancellationToken.None);

        await act.Should().ThrowAsync<StateException>().WithMessage("*passphrase does not decrypt*");
        File.ReadAllText(GoldenV1Path).Should().NotContain(AccessKeyToken).And.NotContain(WhatsAppToken).And.NotContain(SigningKey).And.NotContain(ApiKeyHeader);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Write_AGoldenState_GivesTheCurrentGoldenDocument(int version)
    {
        // A golden file is opened and its state saved again, as the next `up` would: a version 1 file is upgraded.
        StackState.CurrentVersion.Should().Be(2, "writing is compared with the version-2 golden file; a new version needs its own golden file, and reading the older ones must keep working");
        var path = Path.Combine(_dir, "state.json");
        File.Copy(version == 1 ? GoldenV1Path : GoldenV2Path, path);
        var (store, state) = await StateStore.OpenAsync(path, "dev", Passphrase, CancellationToken.None);

        await store.SaveAsync(state, CancellationToken.None);

        var golden = File.ReadAllText(GoldenV2Path);
        var written = File.ReadAllText(path);
        Canonical(written).Should().Be(Canonical(golden), "only secret ciphertexts and the checksum over them may differ");
        SecretCiphertexts(written).Should().HaveCount(SecretPattern().Matches(golden).Count).And.NotIntersectWith(SecretCiphertexts(golden), "every encryption draws a fresh AES-GCM nonce; a repeated ciphertext would mean a reused nonce");
        var (_, reread) = await StateStore.OpenAsync(path, "dev", Passphrase, CancellationToken.None);
        Describe(reread).Should().Be(Describe(Expected()), "the written file carries a valid checksum and the same state");
    }

    /// <summary>The state the golden file holds: every kind of value the format stores, secrets nested in lists and maps.</summary>
    private static StackState Expected()
    {
        var policy = new ResourceAddress("AccessPolicy", "contact-center");
        var role = new ResourceAddress("AccessRole", "contact-center");
        var connector = new ResourceAddress("Connector", "main-number");
        var policyInputs = Map(
            ("name", Text("ucx-contact-center")),
            ("definitions", PropertyValue.List(PropertyValue.Map(Map(
                ("effect", Text("allow")),
                ("actions", PropertyValue.List(Text("create"), Text("view"))),
                ("resources", PropertyValue.List(Text("/workspaces/*/channels/*/messages"))))))));
        var roleInputs = Map(
            ("name", Text("ucx-contact-center")),
            ("description", Text("Holds the \"contact-center\" policy")),
            ("policies", PropertyValue.List(PropertyValue.Map(Map(("id", Text("pol-1")), ("type", Text("organization")))))));
        var keyInputs = Map(("name", Text("ucx-contact-center")), ("roles", PropertyValue.List(Text("role-1"))));
        var connectorInputs = Map(
            ("name", Text("ACME WhatsApp +31612345678")),
            ("phoneNumber", Text("+31612345678")),
            ("accessToken", PropertyValue.SecretString(WhatsAppToken)));
        var channel = Map(("channelId", Text("ch-1")), ("ready", PropertyValue.True), ("attempts", PropertyValue.Number(2)), ("latency", PropertyValue.Number(0.25)), ("note", PropertyValue.Null));
        PropertyMap Subscription(string url) => Map(
            ("event", Text("whatsapp.inbound")),
            ("url", Text(url)),
            ("eventFilters", PropertyValue.List(PropertyValue.Map(Map(("key", Text("channelId")), ("value", Text("ch-1")))))),
            ("headers", PropertyValue.List(PropertyValue.Map(Map(("name", Text("X-Api-Key")), ("value", PropertyValue.SecretString(ApiKeyHeader)))))),
            ("signingKey", PropertyValue.SecretString(SigningKey)));
        var oldSubscription = Subscription("https://contact-center.example.com/bird/inbound");
        var newSubscription = Subscription("https://contact-center.example.com/bird/inbound-v2");

        return new StackState(
            Version: StackState.CurrentVersion,
            Serial: 42,
            Lineage: "3f2b8c1e-7d4a-4e59-9c61-0a5d2e8f4b17",
            Stack: "dev",
            [
                new StateResource(policy, "pol-1", policyInputs, policyInputs.With("id", Text("pol-1")), []),
                new StateResource(role, "role-1", roleInputs, roleInputs.With("id", Text("role-1")).With("type", Text("organization")), [policy]),
                new StateResource(new ResourceAddress("AccessKey", "contact-center"), "key-1", keyInputs, keyInputs.With("id", Text("key-1")).With("token", PropertyValue.SecretString(AccessKeyToken)), [role]),
                new StateResource(connector, "con-1", connectorInputs, connectorInputs.With("id", Text("con-1")).With("channel", PropertyValue.Map(channel)), []),
                new StateResource(new ResourceAddress("WebhookSubscription", "main-inbound"), "sub-0", oldSubscription, oldSubscription.With("id", Text("sub-0")), [connector], Deposed: true),
                new StateResource(new ResourceAddress("WebhookSubscription", "main-inbound"), "sub-1", newSubscription, newSubscription.With("id", Text("sub-1")), [connector]),
            ],
            [
                new PendingOperation(
                    "create",
                    new ResourceAddress("WebhookSubscription", "channel-created"),
                    "WebhookSubscription:channel.created|https://contact-center.example.com/bird/channels",
                    new DateTimeOffset(2025, 3, 14, 9, 26, 53, 589, TimeSpan.Zero)),
            ]);
    }

    /// <summary>
    /// The golden comparison's canonical form. The format is deterministic except for encryption: the salt and the
    /// passphrase check value are kept from the file, but each secret is encrypted again under a fresh random nonce,
    /// so its ciphertext (and the checksum, which covers it) changes on every write. Each ciphertext is therefore
    /// replaced by its decrypted plain text and the checksum masked; every other byte must match. Both files' checksums
    /// are still verified, by opening them.
    /// </summary>
    private static string Canonical(string document)
    {
        var salt = Convert.FromBase64String(JsonNode.Parse(document)!["encryption"]!["salt"]!.GetValue<string>());
        var cipher = SecretCipher.FromSalt(Passphrase, salt);
        var text = SecretPattern().Replace(document, m =>
            cipher.TryDecrypt(Unescape(m.Groups["value"].Value), out var plain) ? $"\"$secret\": decrypted({plain})" : "\"$secret\": undecryptable");
        return ChecksumPattern().Replace(text, "\"checksum\": (masked)").Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private static ImmutableHashSet<string> SecretCiphertexts(string document) =>
        SecretPattern().Matches(document).Select(m => Unescape(m.Groups["value"].Value)).ToImmutableHashSet();

    private static string Unescape(string jsonStringContent) => JsonSerializer.Deserialize<string>($"\"{jsonStringContent}\"")!;

    /// <summary>Everything in a state, secrets revealed and marked, one line per entry (state values compare arrays by reference).</summary>
    private static string Describe(StackState state)
    {
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"version {state.Version}, serial {state.Serial}, lineage {state.Lineage}, stack {state.Stack}");
        foreach (var r in state.Resources)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"resource {r.Address} id {r.Id}{(r.Deposed ? " deposed" : string.Empty)} after [{string.Join(", ", r.Dependencies)}]");
            text.AppendLine(CultureInfo.InvariantCulture, $"  inputs {Reveal(PropertyValue.Map(r.Inputs))}");
            text.AppendLine(CultureInfo.InvariantCulture, $"  outputs {Reveal(PropertyValue.Map(r.Outputs))}");
        }

        foreach (var p in state.Pending)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"pending {p.Operation} {p.Address} key {p.NaturalKey} since {p.StartedAt:O} id {p.Id ?? "(none)"}");
        }

        return text.ToString();
    }

    private static string Reveal(PropertyValue value) => value.Kind switch
    {
        PropertyKind.Secret => $"secret({Reveal(value.Unwrapped)})",
        PropertyKind.String => JsonSerializer.Serialize(value.AsString()),
        PropertyKind.Number => value.AsNumberOrNull()!.Value.ToString("R", CultureInfo.InvariantCulture),
        PropertyKind.List => $"[{string.Join(", ", value.AsList().Select(Reveal))}]",
        PropertyKind.Map => $"{{{string.Join(", ", value.AsMap().Select(kv => $"{kv.Key}: {Reveal(kv.Value)}"))}}}",
        _ => value.ToString(),
    };

    private static PropertyMap Map(params (string Key, PropertyValue Value)[] entries) =>
        PropertyMap.From(entries.Select(e => KeyValuePair.Create(e.Key, e.Value)));

    private static PropertyValue Text(string value) => PropertyValue.String(value);

    [GeneratedRegex("\"\\$secret\": \"(?<value>(?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex SecretPattern();

    [GeneratedRegex("\"checksum\": \"[0-9a-f]{64}\"")]
    private static partial Regex ChecksumPattern();
}
