using BirdInfra.Refresh;
using BirdInfra.Stacks.Validation;

namespace BirdInfra.Engine;

/// <summary>
/// An open stack: its definition checked, its state locked and loaded, Bird connected and read.
/// Every command but validate goes through one; disposing releases the lock and stops an embedded emulator.
/// </summary>
public sealed class StackSession : IAsyncDisposable
{
    private readonly IAsyncDisposable _lock;
    private readonly StateBackend _backend;

    private StackSession(StackPaths paths, StackDefinition stack, KindRegistry kinds, StateBackend backend, IAsyncDisposable stateLock, StateStore store, StackState state, BirdTarget target, DesiredGraph graph, RefreshResult refresh)
    {
        Paths = paths;
        Stack = stack;
        _lock = stateLock;
        _backend = backend;
        Store = store;
        RecordedState = state;
        Target = target;
        Graph = graph;
        Refresh = refresh;
        Kinds = kinds;
    }

    public StackPaths Paths { get; }

    public StackDefinition Stack { get; }

    public StateStore Store { get; }

    /// <summary>Where state, lock and history live (local files, or PostgreSQL).</summary>
    public StateBackend Backend => _backend;

    /// <summary>State as the file holds it.</summary>
    public StackState RecordedState { get; }

    public BirdTarget Target { get; }

    public DesiredGraph Graph { get; }

    /// <summary>State brought up to date with what Bird holds now.</summary>
    public RefreshResult Refresh { get; }

    /// <summary>The kinds, with webhook URL rules as the target allows (http://127.0.0.1 only on the emulator when enabled).</summary>
    public KindRegistry Kinds { get; }

    /// <summary>Loads and checks the stack file; returns diagnostics instead of throwing for bad input.</summary>
    public static StackLoadResult Load(StackPaths paths, KindRegistry kinds, Func<string, string?> environment, bool checkSecrets)
    {
        if (!File.Exists(paths.StackFile))
        {
            var available = Directory.Exists(Path.GetDirectoryName(paths.StackFile))
                ? string.Join(", ", Directory.GetFiles(Path.GetDirectoryName(paths.StackFile)!, "*.yaml").Select(Path.GetFileNameWithoutExtension).Order())
                : "none";
            throw new UserError($"No stack file {Path.GetRelativePath(paths.Root, paths.StackFile)}. Stacks here: {available}.");
        }

        return StackLoader.Load(paths.StackFile, new StackLoadOptions(environment, checkSecrets) { Kinds = kinds });
    }

    /// <summary>
    /// Opens the stack for <paramref name="command"/>; null when the stack file or Bird's catalogue refuses it (the
    /// problems are reported to <paramref name="host"/>). <paramref name="parallel"/> bounds the refresh's reads.
    /// </summary>
    /// <param name="kinds">The kinds the host composed; the session uses them as the stack's target allows (<see cref="Kinds"/>).</param>
    public static async Task<StackSession?> OpenAsync(StackPaths paths, KindRegistry kinds, string command, int parallel, IEngineHost host, IBirdTargetFactory targets, CancellationToken cancellationToken)
    {
        var load = Load(paths, kinds, host.Environment, checkSecrets: true);
        if (load.Stack is null)
        {
            host.ReportProblems(load.Diagnostics, "nothing was sent to Bird");
            return null;
        }

        host.ReportWarnings(load.Diagnostics);
        var stack = load.Stack;
        var stackKinds = kinds.For(stack.Target.KindOptions);
        var passphrase = await PassphraseSource.ResolveAsync(paths, stack.Target.UsesEmulator, host.Environment, cancellationToken);
        var backend = await StateBackend.OpenAsync(stack.State, paths, host.Environment, cancellationToken);
        IAsyncDisposable? stateLock = null;
        BirdTarget? target = null;
        StackSession? session = null;
        try
        {
            stateLock = await backend.LockAsync(
                command,
                stale => host.Report($"Took over the lock of stack {paths.Stack}: it was {stale}, a run on this host that is no longer running."),
                cancellationToken);
            var (store, state) = await StateStore.OpenAsync(backend.Medium, paths.Stack, passphrase, cancellationToken);
            // `drift` writes nothing to state: a journal an interrupted run left is read into memory only (its creates count as owned).
            if (store.HasJournal && command != "drift")
            {
                // A run that crashed or was killed left steps in the journal: they become part of the snapshot before anything else.
                await store.SaveAsync(state, cancellationToken);
            }

            host.Report($"Connecting to {stack.Target.Where}…");
            target = await targets.ConnectAsync(stack.Target, paths, host.Environment, new SynchronousProgress(host.Report), cancellationToken);
            var compiled = StackCompiler.Compile(stack, stackKinds, target.OrganizationId, target.WorkspaceId, host.Environment);
            if (compiled.Graph is not { } graph)
            {
                host.ReportProblems(compiled.Diagnostics, "nothing was sent to Bird");
                return null;
            }

            // preview and up check the stack against what Bird offers (the webhook catalogue) before planning; one read per run.
            if (command is "preview" or "up")
            {
                var live = await LiveChecks.RunAsync(stack, stackKinds, target.Context(null), cancellationToken);
                if (live.Any(d => d.IsError))
                {
                    host.ReportProblems(live, "nothing was changed in Bird");
                    return null;
                }

                host.ReportWarnings(live);
            }

            host.Report($"Reading what Bird holds for stack {paths.Stack}…");
            // drift also reports what the stack does not own, so it lists every kind a stack can declare (one list each, as preview does).
            var alsoList = command == "drift" ? stackKinds.Declarable.Select(k => k.Name) : null;
            var refresh = await LiveReader.ReadAsync(state, stackKinds, target.Context(null), cancellationToken, parallel, alsoList);
            session = new StackSession(paths, stack, stackKinds, backend, stateLock, store, state, target, graph, refresh);
            return session;
        }
        finally
        {
            // Until a session owns them, what was taken is released here, in the order the session would: on a refusal
            // (the stack does not compile, Bird's catalogue refuses it) and on any failure.
            if (session is null)
            {
                if (target is not null)
                {
                    await target.DisposeAsync();
                }

                if (stateLock is not null)
                {
                    await stateLock.DisposeAsync();
                }

                await backend.DisposeAsync();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Target.DisposeAsync();
        await _lock.DisposeAsync();
        await _backend.DisposeAsync();
    }
}
