using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BirdInfra.Rendering;
using BirdInfra.Secrets;

namespace BirdInfra.State;

/// <summary>
/// Reads and writes one stack's state: the snapshot <c>state.json</c> (versioned, checksummed: a hand edit or truncation
/// is detected, never read as empty; secrets encrypted; written atomically, temp + rename, with the previous file kept as
/// a backup) and the journal <c>state.journal</c> next to it, where a run appends each step instead of rewriting the
/// snapshot (docs/state-journal.md). Opening reads both; <see cref="SaveAsync"/> folds everything into a new snapshot.
/// </summary>
public sealed class StateStore
{
    /// <summary>The journal is folded into the snapshot once it is larger than this and than the snapshot itself.</summary>
    public const long CompactionMinimumBytes = 4 << 20;

    private readonly SecretCipher _cipher;
    private readonly string _checkValue;
    private readonly IStateMedium _medium;
    private readonly JournalFile _journal;
    private bool _hasSnapshot;
    private long _snapshotSerial;
    private long _snapshotBytes;
    private string _lineage = string.Empty;

    private StateStore(IStateMedium medium, SecretCipher cipher, string checkValue)
    {
        _medium = medium;
        _cipher = cipher;
        _checkValue = checkValue;
        _journal = new JournalFile(medium);
    }

    /// <summary>Where this state lives (files, or PostgreSQL).</summary>
    public IStateMedium Medium => _medium;

    /// <summary>The previous snapshot of a file-backed state (<c>state.json.bak</c>).</summary>
    public string BackupPath => (_medium as FileStateMedium)?.BackupPath ?? throw new InvalidOperationException($"{_medium.Name} keeps no backup file.");

    /// <summary>A journal holds steps the snapshot does not (a run is under way, or one crashed): the next <see cref="SaveAsync"/> folds them in.</summary>
    public bool HasJournal => _journal.Length > 0;

    /// <summary>The journal has outgrown its bound (<see cref="CompactionMinimumBytes"/>, and the snapshot's size): time to fold it in.</summary>
    public bool JournalIsLarge => _journal.Length > Math.Max(CompactionMinimum, _snapshotBytes);

    /// <summary>The journal's bound in bytes, at least; <see cref="CompactionMinimumBytes"/> unless a test sets a smaller one.</summary>
    public long CompactionMinimum { get; set; } = CompactionMinimumBytes;

    public static string JournalPathOf(string statePath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(statePath))!, Path.GetFileNameWithoutExtension(statePath) + ".journal");

    /// <summary>Opens the state file at <paramref name="path"/> and loads the state (empty when no file exists yet).</summary>
    public static Task<(StateStore Store, StackState State)> OpenAsync(string path, string stack, string passphrase, CancellationToken cancellationToken) =>
        OpenAsync(new FileStateMedium(path), stack, passphrase, cancellationToken);

    /// <summary>Opens the store on a medium and loads the state (empty when it holds none yet).</summary>
    public static async Task<(StateStore Store, StackState State)> OpenAsync(IStateMedium medium, string stack, string passphrase, CancellationToken cancellationToken)
    {
        // The journal first, then the snapshot: a run that folds the journal in meanwhile writes the snapshot before it
        // removes the journal, so a reader that takes no lock (`output`) sees either the old pair or a newer snapshot.
        var journal = await medium.ReadJournalAsync(cancellationToken);
        var snapshotBytes = await medium.ReadSnapshotAsync(cancellationToken);
        if (snapshotBytes is null)
        {
            if (journal is { Length: > 0 })
            {
                throw Corrupt(medium, $"it is missing while {medium.JournalName} exists");
            }

            var cipher = SecretCipher.Create(passphrase);
            return (new StateStore(medium, cipher, cipher.CheckValue()), StackState.Empty(stack));
        }

        JsonObject root;
        int version;
        string? checksum;
        try
        {
            root = JsonNode.Parse(snapshotBytes) as JsonObject ?? throw new JsonException("not an object");
            version = root["version"]?.GetValue<int>() ?? throw Corrupt(medium, "it has no version");
            checksum = root["checksum"]?.GetValue<string>();
        }
        catch (JsonException)
        {
            throw Corrupt(medium, "it is not valid JSON (truncated or damaged)");
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            throw Corrupt(medium, "its version or checksum is not of the expected type (edited by hand or damaged)");
        }

        if (version > StackState.CurrentVersion)
        {
            throw new StateException($"{MediumNames.Capitalized(medium.Name)} was written by a newer BirdInfra (state version {version}; this one reads up to {StackState.CurrentVersion}). Upgrade BirdInfra; {(medium is FileStateMedium file ? $"neither the file nor its backup {file.BackupPath} was changed" : "nothing was changed")}.");
        }

        root.Remove("checksum");
        if (checksum is null || checksum != Checksum(root))
        {
            throw Corrupt(medium, "its checksum does not match its content (edited by hand or damaged)");
        }

        // Past the checksum the file is as BirdInfra wrote it, or was re-checksummed by hand: still check every shape.
        try
        {
            var encryption = root["encryption"] as JsonObject ?? throw Corrupt(medium, "it has no encryption header");
            var salt = Convert.FromBase64String(encryption["salt"]!.GetValue<string>());
            var check = encryption["check"]!.GetValue<string>();
            var cipherFromFile = SecretCipher.FromSalt(passphrase, salt);
            if (!cipherFromFile.Verifies(check))
            {
                throw new StateException($"The passphrase does not decrypt the state of stack '{stack}' ({medium.Name}). Set BIRDINFRA_PASSPHRASE to the passphrase this stack was created with; nothing was decrypted or written.");
            }

            var store = new StateStore(medium, cipherFromFile, check);
            var snapshot = store.Parse(root);
            store.Saved(snapshot, snapshotBytes.Length);
            var state = journal is { Length: > 0 } ? store.Replay(snapshot, journal) : snapshot;
            return (store, state with { Version = StackState.CurrentVersion });
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or KeyNotFoundException or NullReferenceException or InvalidCastException or ArgumentException or JsonException or CryptographicException)
        {
            throw Corrupt(medium, "its content does not have the expected shape");
        }
    }

    /// <summary>
    /// Writes the whole state as a new snapshot (atomically; a file's previous one kept as <see cref="BackupPath"/>), then removes
    /// the journal, whose steps the snapshot now holds.
    /// </summary>
    public async Task SaveAsync(StackState state, CancellationToken cancellationToken)
    {
        await _journal.DrainAsync();
        var root = Serialize(state with { Version = StackState.CurrentVersion });
        root["checksum"] = Checksum(root);
        var bytes = Encoding.UTF8.GetBytes(root.ToJsonString(JsonText.Indented));
        await _medium.WriteSnapshotAsync(bytes, _hasSnapshot ? _snapshotSerial : null, state.Serial, cancellationToken);

        // Only after the rename: until then the old snapshot and the journal together still hold everything. Not
        // cancellable from here on: a new snapshot beside the journal of the old one must not be left behind.
        await _journal.DeleteAsync(CancellationToken.None);
        Saved(state, bytes.Length);
    }

    /// <summary>
    /// Appends one step to the journal: <paramref name="changes"/>, which took the state to <paramref name="after"/>. The
    /// task ends once the entry is fsynced. The journal continues the last snapshot this store wrote or read, so a
    /// journal a crashed run left must be folded in first (<see cref="SaveAsync"/>).
    /// </summary>
    public Task AppendAsync(StackState after, IReadOnlyList<StateChange> changes)
    {
        if (!_hasSnapshot || _journal.Leftover || after.Lineage != _lineage)
        {
            throw new InvalidOperationException("Save a snapshot of this state before journaling steps on it.");
        }

        var entry = new JsonObject
        {
            ["serial"] = after.Serial,
            ["changes"] = new JsonArray([.. changes.Select(WriteChange)]),
        };
        return _journal.AppendAsync(JournalFile.Line(entry.ToJsonString()), () => JournalFile.Line(new JsonObject
        {
            ["journal"] = 1,
            ["lineage"] = _lineage,
            ["base"] = _snapshotSerial,
        }.ToJsonString()));
    }

    private static StateException Corrupt(IStateMedium medium, string why) =>
        new($"{MediumNames.Capitalized(medium.Name)} cannot be used: {why}. It was not treated as empty (that would re-create everything). {medium.RestoreHint}");

    private StateException CorruptJournal(string why) =>
        new($"{MediumNames.Capitalized(_medium.JournalName)} cannot be used: {why}. Nothing was treated as missing (that could create objects twice). {_medium.JournalRestoreHint}");

    private void Saved(StackState state, long bytes)
    {
        _hasSnapshot = true;
        _snapshotSerial = state.Serial;
        _snapshotBytes = bytes;
        _lineage = state.Lineage;
    }

    /// <summary>
    /// Applies the journal's entries that come after the snapshot. A torn last entry (a crash mid-write) is ignored: its
    /// step never finished being recorded. Any other damage, or entries that do not continue this snapshot, stop the command.
    /// </summary>
    private StackState Replay(StackState snapshot, byte[] journal)
    {
        var (entries, _, damaged) = JournalFile.Parse(journal);
        if (damaged is { } line)
        {
            throw CorruptJournal($"entry {line} does not match its checksum (edited by hand or damaged)");
        }

        _journal.Opened(journal.Length);
        if (entries.Count == 0)
        {
            return snapshot;
        }

        try
        {
            var header = (JsonObject)JsonNode.Parse(entries[0])!;
            if (header["journal"]?.GetValue<int>() != 1 || header["lineage"]!.GetValue<string>() != snapshot.Lineage)
            {
                throw CorruptJournal("it belongs to another state (its header names another lineage)");
            }

            var basedOn = header["base"]!.GetValue<long>();
            if (basedOn > snapshot.Serial)
            {
                throw CorruptJournal($"it continues snapshot serial {basedOn}, but the snapshot is at serial {snapshot.Serial} (an older snapshot was put back)");
            }

            var state = snapshot;
            foreach (var text in entries.Skip(1))
            {
                var entry = (JsonObject)JsonNode.Parse(text)!;
                var serial = entry["serial"]!.GetValue<long>();
                if (serial <= state.Serial)
                {
                    // Already in the snapshot: it was folded in, and the run stopped before removing the journal.
                    continue;
                }

                foreach (var change in (JsonArray)entry["changes"]!)
                {
                    state = ReadChange((JsonObject)change!).ApplyTo(state);
                }

                if (state.Serial != serial)
                {
                    throw CorruptJournal($"its entry for serial {serial} does not continue serial {state.Serial}");
                }
            }

            return state;
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or KeyNotFoundException or NullReferenceException or InvalidCastException or ArgumentException or JsonException)
        {
            throw CorruptJournal("an entry does not have the expected shape");
        }
    }

    private JsonObject WriteChange(StateChange change) => change switch
    {
        ResourceRecorded r => new JsonObject { ["put"] = WriteResource(r.Resource) },
        ResourceForgotten f => new JsonObject { ["remove"] = new JsonObject { ["address"] = f.Address.ToString(), ["id"] = f.Id } },
        PendingRecorded p => new JsonObject { ["pending"] = WritePending(p.Operation) },
        PendingSettled p => new JsonObject { ["settled"] = WritePending(p.Operation) },
        _ => throw new ArgumentOutOfRangeException(nameof(change)),
    };

    private StateChange ReadChange(JsonObject node) => node switch
    {
        _ when node["put"] is JsonObject put => new ResourceRecorded(ReadResource(put)),
        _ when node["remove"] is JsonObject remove => new ResourceForgotten(ResourceAddress.Parse(remove["address"]!.GetValue<string>()), remove["id"]!.GetValue<string>()),
        _ when node["pending"] is JsonObject pending => new PendingRecorded(ReadPending(pending)),
        _ when node["settled"] is JsonObject settled => new PendingSettled(ReadPending(settled)),
        _ => throw new FormatException("an unknown journal step"),
    };

    private static string Checksum(JsonObject rootWithoutChecksum) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(rootWithoutChecksum.ToJsonString()))).ToLowerInvariant();

    private JsonNode WriteSecret(PropertyValue inner) => new JsonObject
    {
        [PropertyJson.SecretMarker] = _cipher.Encrypt(PropertyJson.ToJson(inner, WriteSecret, markUnknowns: true)?.ToJsonString() ?? "null"),
    };

    private PropertyValue ReadSecret(JsonObject obj)
    {
        if (!_cipher.TryDecrypt(obj[PropertyJson.SecretMarker]!.GetValue<string>(), out var plain))
        {
            throw new FormatException("a secret does not decrypt");
        }

        return PropertyValue.Secret(PropertyJson.FromJson(JsonNode.Parse(plain), ReadSecret));
    }

    private JsonObject WriteResource(StateResource r)
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

        return node;
    }

    private StateResource ReadResource(JsonObject n) => new(
        ResourceAddress.Parse(n["address"]!.GetValue<string>()),
        n["id"]!.GetValue<string>(),
        PropertyJson.MapFromJson((JsonObject)n["inputs"]!, ReadSecret),
        PropertyJson.MapFromJson((JsonObject)n["outputs"]!, ReadSecret),
        ((JsonArray)n["dependencies"]!).Select(d => ResourceAddress.Parse(d!.GetValue<string>())).ToImmutableArray(),
        n["deposed"]?.GetValue<bool>() ?? false);

    private static JsonObject WritePending(PendingOperation p) => new()
    {
        ["operation"] = p.Operation,
        ["address"] = p.Address.ToString(),
        ["naturalKey"] = p.NaturalKey,
        ["startedAt"] = p.StartedAt.ToString("O"),
        ["id"] = p.Id,
    };

    private static PendingOperation ReadPending(JsonObject n) => new(
        n["operation"]!.GetValue<string>(),
        ResourceAddress.Parse(n["address"]!.GetValue<string>()),
        n["naturalKey"]!.GetValue<string>(),
        DateTimeOffset.Parse(n["startedAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture),
        n["id"]?.GetValue<string>());

    private JsonObject Serialize(StackState state) => new()
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
        ["resources"] = new JsonArray([.. state.Resources.Select(WriteResource)]),
        ["pending"] = new JsonArray([.. state.Pending.Select(WritePending)]),
    };

    private StackState Parse(JsonObject root) => new(
        root["version"]!.GetValue<int>(),
        root["serial"]!.GetValue<long>(),
        root["lineage"]!.GetValue<string>(),
        root["stack"]!.GetValue<string>(),
        [.. ((JsonArray)root["resources"]!).Select(n => ReadResource((JsonObject)n!))],
        [.. ((JsonArray)root["pending"]!).Select(n => ReadPending((JsonObject)n!))]);
}
