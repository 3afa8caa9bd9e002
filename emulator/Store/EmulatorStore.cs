using System.Security.Cryptography;
using BirdInfra.Emulator.Workspaces;

namespace BirdInfra.Emulator.Store;

/// <summary>
/// The single source of truth. One lock serialises every read and change (an emulator does not need
/// more concurrency than that); each successful change is persisted before the lock is released, so a
/// crash never loses an acknowledged write.
/// </summary>
public sealed class EmulatorStore
{
    private const string TokenAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private readonly Lock _gate = new();
    private readonly EmulatorState _state;
    private readonly string? _file;

    private EmulatorStore(EmulatorState state, string? file)
    {
        _state = state;
        _file = file;
    }

    public BootstrapIdentity Bootstrap
    {
        get
        {
            lock (_gate)
            {
                return _state.Bootstrap;
            }
        }
    }

    public static EmulatorStore Open(EmulatorOptions options, TimeProvider time)
    {
        var loaded = options.DataFile is { } file ? StateFile.Load(file) : null;
        if (loaded is not null)
        {
            Check("organization id", options.OrganizationId, loaded.Bootstrap.OrganizationId);
            Check("workspace id", options.WorkspaceId, loaded.Bootstrap.WorkspaceId);
            Check("admin key", options.AdminAccessKey, loaded.Bootstrap.AdminAccessKey);
            return new EmulatorStore(loaded, options.DataFile);
        }

        var bootstrap = new BootstrapIdentity(
            Normalize(options.OrganizationId) ?? Clock.NewId(),
            Normalize(options.WorkspaceId) ?? Clock.NewId(),
            options.AdminAccessKey ?? NewToken());
        var now = time.NowMs();
        var state = new EmulatorState { Bootstrap = bootstrap };
        state.Workspaces[bootstrap.WorkspaceId] = new WorkspaceRecord(
            bootstrap.WorkspaceId, bootstrap.OrganizationId, "Emulator workspace", "Bootstrap workspace of the Bird emulator", now, now);
        var store = new EmulatorStore(state, options.DataFile);
        if (options.DataFile is not null)
        {
            try
            {
                store.Persist();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or DirectoryNotFoundException)
            {
                throw new EmulatorStartupException($"cannot write data file '{options.DataFile}': {e.Message}", e);
            }
        }

        return store;
    }

    /// <summary>A new access-key token: 36 alphanumeric characters, the shape of the docs' example.</summary>
    public static string NewToken() => RandomNumberGenerator.GetString(TokenAlphabet, 36);

    public T Read<T>(Func<EmulatorState, T> read)
    {
        lock (_gate)
        {
            return read(_state);
        }
    }

    /// <summary>Applies a change and persists it unless the change reports an error.</summary>
    public Outcome<T> Write<T>(Func<EmulatorState, Outcome<T>> change)
    {
        lock (_gate)
        {
            var outcome = change(_state);
            if (outcome.Error is null)
            {
                Persist();
            }

            return outcome;
        }
    }

    /// <summary>A change not worth a disk write of its own (e.g. <c>lastUsedAt</c>); it is saved with the next write.</summary>
    public void Touch(Action<EmulatorState> change)
    {
        lock (_gate)
        {
            change(_state);
        }
    }

    private void Persist()
    {
        if (_file is not null)
        {
            StateFile.Save(_file, _state);
        }
    }

    private static string? Normalize(string? id) =>
        id is null ? null
        : Guid.TryParse(id, out var guid) ? guid.ToString("D")
        : throw new EmulatorStartupException($"'{id}' is not a UUID");

    private static void Check(string what, string? requested, string stored)
    {
        if (requested is not null && !string.Equals(Normalize2(requested), stored, StringComparison.Ordinal))
        {
            var shown = what == "admin key" ? "" : $" '{stored}'";
            throw new EmulatorStartupException($"the data file already holds {what}{shown}, which differs from the one given on the command line");
        }

        static string Normalize2(string value) => Guid.TryParse(value, out var g) ? g.ToString("D") : value;
    }
}
