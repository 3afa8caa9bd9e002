using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BirdInfra.Graph;
using BirdInfra.Providers.Graph;
using BirdInfra.Providers.Properties;
using BirdInfra.Secrets;
using BirdInfra.Serialization;

namespace BirdInfra.State;

/// <summary>
/// Reads and writes one stack's state file: versioned, checksummed (a hand edit or truncation is detected,
/// never read as empty), secrets encrypted, written atomically (temp + rename) with the previous file
/// kept as a backup.
/// </summary>
public sealed class StateStore
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private readonly SecretCipher _cipher;
    private readonly string _checkValue;

    private StateStore(string path, SecretCipher cipher, string checkValue)
    {
        FilePath = path;
        _cipher = cipher;
        _checkValue = checkValue;
    }

    public string FilePath { get; }

    public string BackupPath => FilePath + ".bak";

    /// <summary>Opens the store and loads the state (empty when no file exists yet).</summary>
    public static async Task<(StateStore Store, StackState State)> OpenAsync(string path, string stack, string passphrase, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            var cipher = SecretCipher.Create(passphrase);
            return (new StateStore(path, cipher, cipher.CheckValue()), StackState.Empty(stack));
        }

        // Shared for writing and deleting: a reader that takes no lock (`output`) must never stop a writer's rename over the file.
        string text;
        await using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096, FileOptions.Asynchronous))
        using (var reader = new StreamReader(stream, Encoding.UTF8))
        {
            text = await reader.ReadToEndAsync(cancellationToken);
        }

        JsonObject root;
        int version;
        string? checksum;
        try
        {
            root = JsonNode.Parse(text) as JsonObject ?? throw new JsonException("not an object");
            version = root["version"]?.GetValue<int>() ?? throw Corrupt(path, "it has no version");
            checksum = root["checksum"]?.GetValue<string>();
        }
        catch (JsonException)
        {
            throw Corrupt(path, "it is not valid JSON (truncated or damaged)");
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            throw Corrupt(path, "its version or checksum is not of the expected type (edited by hand or damaged)");
        }

        if (version > StackState.CurrentVersion)
        {
            throw new StateException($"The state file {path} was written by a newer BirdInfra (state version {version}; this one reads up to {StackState.CurrentVersion}). Upgrade BirdInfra; neither the file nor its backup {path}.bak was changed.");
        }

        root.Remove("checksum");
        if (checksum is null || checksum != Checksum(root))
        {
            throw Corrupt(path, "its checksum does not match its content (edited by hand or damaged)");
        }

        // Past the checksum the file is as BirdInfra wrote it, or was re-checksummed by hand: still check every shape.
        try
        {
            var encryption = root["encryption"] as JsonObject ?? throw Corrupt(path, "it has no encryption header");
            var salt = Convert.FromBase64String(encryption["salt"]!.GetValue<string>());
            var check = encryption["check"]!.GetValue<string>();
            var cipherFromFile = SecretCipher.FromSalt(passphrase, salt);
            if (!cipherFromFile.Verifies(check))
            {
                throw new StateException($"The passphrase does not decrypt the state of stack '{stack}' ({path}). Set BIRDINFRA_PASSPHRASE to the passphrase this stack was created with; nothing was decrypted or written.");
            }

            var store = new StateStore(path, cipherFromFile, check);
            return (store, store.Parse(root));
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or KeyNotFoundException or NullReferenceException or InvalidCastException or ArgumentException or JsonException or CryptographicException)
        {
            throw Corrupt(path, "its content does not have the expected shape");
        }
    }

    public async Task SaveAsync(StackState state, CancellationToken cancellationToken)
    {
        var root = Serialize(state);
        root["checksum"] = Checksum(root);
        var directory = Path.GetDirectoryName(Path.GetFullPath(FilePath))!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(FilePath)}.{Environment.ProcessId}.tmp");
        await using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough))
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(root.ToJsonString(Indented)), cancellationToken);
            await stream.FlushAsync(cancellationToken);
        }

        if (File.Exists(FilePath))
        {
            File.Copy(FilePath, BackupPath, overwrite: true);
        }

        File.Move(temp, FilePath, overwrite: true);
    }

    private static StateException Corrupt(string path, string why) =>
        new($"The state file {path} cannot be used: {why}. It was not treated as empty (that would re-create everything). Restore it from {path}.bak or from version control, or move it aside deliberately if the stack owns nothing.");

    private static string Checksum(JsonObject rootWithoutChecksum) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(rootWithoutChecksum.ToJsonString()))).ToLowerInvariant();

    private JsonObject Serialize(StackState state)
    {
        JsonNode WriteSecret(PropertyValue inner) => new JsonObject
        {
            [PropertyJson.SecretMarker] = _cipher.Encrypt(PropertyJson.ToJson(inner, WriteSecret, markUnknowns: true)?.ToJsonString() ?? "null"),
        };

        var resources = new JsonArray();
        foreach (var r in state.Resources)
        {
            var node = new JsonObject
            {
                ["address"] = r.Address.ToString(),
                ["id"] = r.Id,
                ["inputs"] = PropertyJson.ToJson(r.Inputs, WriteSecret, markUnknowns: true),
                ["outputs"] = PropertyJson.ToJson(r.Outputs, WriteSecret, markUnknowns: true),
                ["dependencies"] = new JsonArray(r.Dependencies.Select(d => (JsonNode)JsonValue.Create(d.ToString())).ToArray()),
            };
            if (r.Deposed)
            {
                node["deposed"] = true;
            }

            resources.Add(node);
        }

        var pending = new JsonArray();
        foreach (var p in state.Pending)
        {
            pending.Add(new JsonObject
            {
                ["operation"] = p.Operation,
                ["address"] = p.Address.ToString(),
                ["naturalKey"] = p.NaturalKey,
                ["startedAt"] = p.StartedAt.ToString("O"),
                ["id"] = p.Id,
            });
        }

        return new JsonObject
        {
            ["version"] = state.Version,
            ["serial"] = state.Serial,
            ["lineage"] = state.Lineage,
            ["stack"] = state.Stack,
            ["encryption"] = new JsonObject
            {
                ["cipher"] = "aes-256-gcm",
                ["kdf"] = "pbkdf2-sha256",
                ["salt"] = Convert.ToBase64String(_cipher.Salt),
                ["check"] = _checkValue,
            },
            ["resources"] = resources,
            ["pending"] = pending,
        };
    }

    private StackState Parse(JsonObject root)
    {
        PropertyValue ReadSecret(JsonObject obj)
        {
            if (!_cipher.TryDecrypt(obj[PropertyJson.SecretMarker]!.GetValue<string>(), out var plain))
            {
                throw new FormatException("a secret does not decrypt");
            }

            return PropertyValue.Secret(PropertyJson.FromJson(JsonNode.Parse(plain), ReadSecret));
        }

        var resources = ((JsonArray)root["resources"]!).Select(n => (JsonObject)n!).Select(n => new StateResource(
            ResourceAddress.Parse(n["address"]!.GetValue<string>()),
            n["id"]!.GetValue<string>(),
            PropertyJson.MapFromJson((JsonObject)n["inputs"]!, ReadSecret),
            PropertyJson.MapFromJson((JsonObject)n["outputs"]!, ReadSecret),
            ((JsonArray)n["dependencies"]!).Select(d => ResourceAddress.Parse(d!.GetValue<string>())).ToImmutableArray(),
            n["deposed"]?.GetValue<bool>() ?? false)).ToImmutableArray();
        var pending = ((JsonArray)root["pending"]!).Select(n => (JsonObject)n!).Select(n => new PendingOperation(
            n["operation"]!.GetValue<string>(),
            ResourceAddress.Parse(n["address"]!.GetValue<string>()),
            n["naturalKey"]!.GetValue<string>(),
            DateTimeOffset.Parse(n["startedAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture),
            n["id"]?.GetValue<string>())).ToImmutableArray();
        return new StackState(
            root["version"]!.GetValue<int>(),
            root["serial"]!.GetValue<long>(),
            root["lineage"]!.GetValue<string>(),
            root["stack"]!.GetValue<string>(),
            resources,
            pending);
    }
}
