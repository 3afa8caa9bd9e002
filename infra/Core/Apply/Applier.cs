using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using BirdInfra.Execution;

namespace BirdInfra.Apply;

/// <summary>
/// Executes a plan: creates, updates and replacements in dependency order with bounded parallelism (a
/// <see cref="GraphExecutor"/>), then deletions bottom-up. State is journaled before each create and after every completed
/// operation (<see cref="StateJournal"/>), so a crash loses nothing and never leads to a second object.
/// </summary>
public sealed class Applier(KindRegistry registry, ProviderContext context, StateJournal journal, IProgress<string> progress, int parallelism = Applier.DefaultParallelism)
{
    /// <summary>Operations run at once unless `--parallel` says otherwise (Terraform's and decK's default).</summary>
    public const int DefaultParallelism = 10;

    private readonly ConcurrentDictionary<ResourceAddress, PropertyMap> _outputs = new();
    private readonly List<ApplyFailure> _failures = [];
    private readonly ConcurrentQueue<CompletedOperation> _done = new();
    private int _completed;

    /// <param name="interrupt">
    /// Ctrl-C: no further operation starts; the ones in flight finish and are recorded. Their Bird calls are never cut
    /// (a cut POST would leave its outcome unknown); a wait for an output Bird fills in later stops through the
    /// context's <see cref="ProviderContext.StopWaiting"/>, with the object recorded.
    /// </param>
    public async Task<ApplyResult> ApplyAsync(Plan plan, CancellationToken interrupt)
    {
        var forward = plan.Changes.Where(c => c.Action != PlanAction.Delete).ToList();
        ImmutableArray<NodeResult> results;
        try
        {
            results = await new GraphExecutor(parallelism).ExecuteAsync(
                forward,
                c => c.Address,
                c => c.Dependencies,
                (change, returnSlot, _) => RunForwardAsync(change, context with { WaitStarted = returnSlot }, CancellationToken.None),
                interrupt);
        }
        catch (OperationCanceledException) when (interrupt.IsCancellationRequested)
        {
            return Result(interrupted: true);
        }

        foreach (var (change, result) in forward.Zip(results))
        {
            RecordFailure(result);

            // A resource that stays the same has nothing to skip; its dependents report the skip.
            if (result is NodeSkipped && change.Action != PlanAction.Same)
            {
                _failures.Add(new ApplyFailure(Verb(change.Action), change.Address, "skipped because a resource it depends on failed"));
            }
        }

        // Deletions wait for every create and update: a replaced policy is deleted only after roles point elsewhere.
        if (results.All(r => r is NodeSucceeded))
        {
            var plannedDeletions = plan.Changes.Where(c => c.Action == PlanAction.Delete).Select(c => (c.Address, c.Current?.Id)).ToHashSet();
            var deletions = journal.Current.Resources
                .Where(r => r.Deposed || plannedDeletions.Contains((r.Address, r.Id)))
                .ToList();

            // Bottom-up, as many at a time as forward operations: a resource is deleted once everything among the deletions
            // that depends on it is gone. A failed delete keeps what it depends on (still in use) in state for the next run.
            var dependents = deletions
                .SelectMany(r => r.Dependencies.Select(d => (Dependency: d, Dependent: r.Address)))
                .ToLookup(p => p.Dependency, p => p.Dependent);
            ImmutableArray<NodeResult> deleted;
            try
            {
                deleted = await new GraphExecutor(parallelism).ExecuteAsync(
                    DependencyOrder.Sort(deletions, r => r.Address, r => r.Dependencies, registry).Reverse(),
                    r => r.Address,
                    r => dependents[r.Address],
                    (resource, _) => RunAsync("Delete", resource.Address, () => DeleteAsync(resource, CancellationToken.None)),
                    interrupt);
            }
            catch (OperationCanceledException) when (interrupt.IsCancellationRequested)
            {
                return Result(interrupted: true);
            }

            foreach (var result in deleted)
            {
                RecordFailure(result);
            }
        }

        return Result(interrupted: false);
    }

    /// <summary>A failed operation becomes an <see cref="ApplyFailure"/>; anything else that threw is a bug and is rethrown as it was.</summary>
    private void RecordFailure(NodeResult result)
    {
        switch (result)
        {
            case NodeFailed { Error: ApplyFailedException failed }:
                _failures.Add(failed.Failure);
                break;
            case NodeFailed { Error: var bug }:
                ExceptionDispatchInfo.Throw(bug);
                break;
        }
    }

    private ApplyResult Result(bool interrupted) =>
        new(journal.Current, _failures.OrderBy(f => f.Address).ToImmutableArray(), _completed) { Interrupted = interrupted, Done = [.. _done] };

    /// <param name="operation">The context for this operation: a wait for its outputs hands its parallel slot back.</param>
    private async Task RunForwardAsync(PlannedChange change, ProviderContext operation, CancellationToken cancellationToken)
    {
        if (change.Action == PlanAction.Same)
        {
            if (registry.GetByName(change.Address.Kind).LateOutputs is { } late && !late.AreFilled(change.Current!))
            {
                await RunAsync("Wait for", change.Address, () => FinishAsync(change, operation, cancellationToken));
                return;
            }

            _outputs[change.Address] = change.Current!.Outputs;
            return;
        }

        var missing = new List<OutputReference>();
        var inputs = InputResolver.Fill(change.DesiredInputs!, reference =>
        {
            if (_outputs.TryGetValue(reference.Target, out var outputs) && outputs[reference.Output] is { IsNull: false } value)
            {
                return value;
            }

            missing.Add(reference);
            return null;
        });
        if (missing.Count > 0)
        {
            throw new ApplyFailedException(new ApplyFailure(Verb(change.Action), change.Address, "Bird did not provide " + string.Join(", ", missing.Select(m => $"{m.Output} of {m.Target}")) + "; nothing was sent"));
        }

        await RunAsync(Verb(change.Action), change.Address, () => change.Action switch
        {
            PlanAction.Create => CreateAsync(change, inputs, operation, cancellationToken),
            PlanAction.Update => UpdateAsync(change, inputs, cancellationToken),
            PlanAction.Replace => ReplaceAsync(change, inputs, operation, cancellationToken),
            _ => throw new UnreachableException(),
        });
    }

    /// <summary>Runs one operation with progress lines; its failure becomes an <see cref="ApplyFailedException"/> naming it.</summary>
    private async Task RunAsync(string verb, ResourceAddress address, Func<Task> operation)
    {
        var started = context.Time.GetTimestamp();
        progress.Report($"{verb} {address}…");
        try
        {
            await operation();
            Interlocked.Increment(ref _completed);
            _done.Enqueue(new CompletedOperation(verb, address));
            progress.Report($"{verb} {address}: done in {context.Time.GetElapsedTime(started).TotalSeconds:0.0}s");
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception e)
        {
            progress.Report($"{verb} {address}: failed");
            throw new ApplyFailedException(new ApplyFailure(verb, address, e.Message), e);
        }
    }

    private async Task CreateAsync(PlannedChange change, PropertyMap inputs, ProviderContext operation, CancellationToken cancellationToken)
    {
        var kind = registry.GetByName(change.Address.Kind);
        var pending = new PendingOperation("create", change.Address, kind.NaturalKey(inputs), context.Time.GetUtcNow());
        await journal.RecordAsync(new PendingRecorded(pending), cancellationToken);
        ResourceSnapshot created;
        try
        {
            created = await CreateOnceAsync(kind, pending, inputs, operation, cancellationToken);
        }
        catch (Exception e) when (OutcomeKnownNotCreated(e))
        {
            await journal.RecordAsync(new PendingSettled(pending), CancellationToken.None);
            throw;
        }
        catch (Exception e) when (PartialSnapshot(e) is { } partial)
        {
            await journal.RecordAsync([new PendingSettled(pending), new ResourceRecorded(new StateResource(change.Address, partial.Id, partial.Inputs, partial.Outputs, change.Dependencies))], CancellationToken.None);
            throw;
        }

        _outputs[change.Address] = created.Outputs;
        await journal.RecordAsync([new PendingSettled(pending), new ResourceRecorded(new StateResource(change.Address, created.Id, created.Inputs, created.Outputs, change.Dependencies))], cancellationToken);
    }

    /// <summary>
    /// Creates the object exactly once: after a lost answer, objects state already owns are never candidates, and
    /// CreateRecovery decides about the rest (adopt, delete and make again, or stop when several match).
    /// </summary>
    private Task<ResourceSnapshot> CreateOnceAsync(IResourceKind kind, PendingOperation pending, PropertyMap inputs, ProviderContext operation, CancellationToken cancellationToken)
    {
        var owned = journal.Current.Resources.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        return ExactlyOnceCreate.RunAsync(kind, operation, inputs, pending.NaturalKey, owned, pending.Address.ToString(), cancellationToken);
    }

    /// <summary>
    /// An object that needs no change but lacks what Bird fills in later (a connector adopted from a run killed right
    /// after its create, or one whose channel wait timed out): its dependents need those outputs, so it waits for them
    /// as its create would have (<see cref="OutputWait"/>, GETs only) and records them. A timeout fails this node, and
    /// so skips its dependents, with the object kept in state.
    /// </summary>
    private async Task FinishAsync(PlannedChange change, ProviderContext operation, CancellationToken cancellationToken)
    {
        var kind = registry.GetByName(change.Address.Kind);
        var filled = await OutputWait.WaitAsync(kind, operation, change.Current!, cancellationToken);
        _outputs[change.Address] = filled.Outputs;
        var recorded = journal.Current.Resources.FirstOrDefault(r => r.Address == change.Address && r.Id == change.Current!.Id)
            ?? new StateResource(change.Address, filled.Id, filled.Inputs, filled.Outputs, change.Dependencies);
        await journal.RecordAsync(new ResourceRecorded(recorded with { Inputs = filled.Inputs, Outputs = filled.Outputs }), cancellationToken);
    }

    private async Task UpdateAsync(PlannedChange change, PropertyMap inputs, CancellationToken cancellationToken)
    {
        var kind = registry.GetByName(change.Address.Kind);
        var updated = await kind.UpdateAsync(context, change.Current!, inputs, cancellationToken);
        _outputs[change.Address] = updated.Outputs;
        await journal.RecordAsync(new ResourceRecorded(new StateResource(change.Address, updated.Id, updated.Inputs, updated.Outputs, change.Dependencies)), cancellationToken);
    }

    private async Task ReplaceAsync(PlannedChange change, PropertyMap inputs, ProviderContext operation, CancellationToken cancellationToken)
    {
        var old = journal.Current.Resources.First(r => r.Address == change.Address && r.Id == change.Current!.Id);
        if (change.DeleteBeforeReplace)
        {
            await DeleteAsync(old, cancellationToken);
        }
        else
        {
            // The old object stays owned (deposed) until the delete phase, after dependents moved to the new one.
            await journal.RecordAsync(new ResourceRecorded(old with { Deposed = true }), cancellationToken);
        }

        await CreateAsync(change, inputs, operation, cancellationToken);
    }

    private async Task DeleteAsync(StateResource resource, CancellationToken cancellationToken)
    {
        var kind = registry.GetByName(resource.Address.Kind);
        await kind.DeleteAsync(context, resource.Snapshot, cancellationToken);
        await journal.RecordAsync(new ResourceForgotten(resource.Address, resource.Id), cancellationToken);
    }

    private static string Verb(PlanAction action) => action switch
    {
        PlanAction.Create => "Create",
        PlanAction.Update => "Update",
        PlanAction.Replace => "Replace",
        PlanAction.Delete => "Delete",
        _ => "Read",
    };

    /// <summary>True when Bird certainly did not create the object (a definite 4xx); otherwise the pending entry stays for the next run.</summary>
    private static bool OutcomeKnownNotCreated(Exception e) => ApplyErrors.IsDefinitelyNotApplied(e);

    private static ResourceSnapshot? PartialSnapshot(Exception e) => ApplyErrors.PartialSnapshot(e);
}
