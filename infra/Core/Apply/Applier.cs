using BirdInfra.Providers.Graph;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using BirdInfra.Graph;
using BirdInfra.Planning;
using BirdInfra.Providers.Kinds;
using BirdInfra.Providers.Properties;
using BirdInfra.State;

namespace BirdInfra.Apply;

/// <summary>
/// Executes a plan: creates, updates and replacements in dependency order with bounded parallelism,
/// then deletions bottom-up. State is journaled before each create and saved after every completed
/// operation, so a crash loses nothing and never leads to a second object.
/// </summary>
public sealed class Applier(KindRegistry registry, ProviderContext context, StateJournal journal, IProgress<string> progress, int parallelism = 4)
{
    private readonly ConcurrentDictionary<ResourceAddress, PropertyMap> _outputs = new();
    private readonly ConcurrentBag<ApplyFailure> _failures = [];
    private int _completed;

    public async Task<ApplyResult> ApplyAsync(Plan plan, CancellationToken cancellationToken)
    {
        var forward = plan.Changes.Where(c => c.Action != PlanAction.Delete).ToList();
        var tasks = new Dictionary<ResourceAddress, Task<bool>>();
        using var gate = new SemaphoreSlim(parallelism);
        foreach (var change in forward)
        {
            var dependencies = change.Dependencies.Where(tasks.ContainsKey).Select(d => tasks[d]).ToList();
            tasks[change.Address] = RunForwardAsync(change, dependencies, gate, cancellationToken);
        }

        var results = await Task.WhenAll(tasks.Values);

        // Deletions wait for every create and update: a replaced policy is deleted only after roles point elsewhere.
        if (results.All(ok => ok))
        {
            var deletions = journal.Current.Resources
                .Where(r => r.Deposed || plan.Changes.Any(c => c.Action == PlanAction.Delete && c.Address == r.Address && c.Current?.Id == r.Id))
                .ToList();
            foreach (var resource in DependencyOrder.Sort(deletions, r => r.Address, r => r.Dependencies).Reverse())
            {
                if (!await RunAsync("Delete", resource.Address, () => DeleteAsync(resource, cancellationToken)))
                {
                    break;
                }
            }
        }

        return new ApplyResult(journal.Current, _failures.OrderBy(f => f.Address).ToImmutableArray(), _completed);
    }

    private async Task<bool> RunForwardAsync(PlannedChange change, List<Task<bool>> dependencies, SemaphoreSlim gate, CancellationToken cancellationToken)
    {
        var dependenciesOk = (await Task.WhenAll(dependencies)).All(ok => ok);
        if (change.Action == PlanAction.Same)
        {
            _outputs[change.Address] = change.Current!.Outputs;
            return dependenciesOk;
        }

        if (!dependenciesOk)
        {
            _failures.Add(new ApplyFailure(Verb(change.Action), change.Address, "skipped because a resource it depends on failed"));
            return false;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
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
                _failures.Add(new ApplyFailure(Verb(change.Action), change.Address, "Bird did not provide " + string.Join(", ", missing.Select(m => $"{m.Output} of {m.Target}")) + "; nothing was sent"));
                return false;
            }

            return await RunAsync(Verb(change.Action), change.Address, () => change.Action switch
            {
                PlanAction.Create => CreateAsync(change, inputs, cancellationToken),
                PlanAction.Update => UpdateAsync(change, inputs, cancellationToken),
                PlanAction.Replace => ReplaceAsync(change, inputs, cancellationToken),
                _ => throw new UnreachableException(),
            });
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<bool> RunAsync(string verb, ResourceAddress address, Func<Task> operation)
    {
        var started = context.Time.GetTimestamp();
        progress.Report($"{verb} {address}…");
        try
        {
            await operation();
            Interlocked.Increment(ref _completed);
            progress.Report($"{verb} {address}: done in {context.Time.GetElapsedTime(started).TotalSeconds:0.0}s");
            return true;
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception e)
        {
            _failures.Add(new ApplyFailure(verb, address, e.Message));
            progress.Report($"{verb} {address}: failed");
            return false;
        }
    }

    private async Task CreateAsync(PlannedChange change, PropertyMap inputs, CancellationToken cancellationToken)
    {
        var kind = registry.GetByName(change.Address.Kind);
        var pending = new PendingOperation("create", change.Address, kind.NaturalKey(inputs), context.Time.GetUtcNow());
        await journal.UpdateAsync(s => s.WithPending(pending), cancellationToken);
        ResourceSnapshot created;
        try
        {
            created = await CreateOnceAsync(kind, pending, inputs, cancellationToken);
        }
        catch (Exception e) when (OutcomeKnownNotCreated(e))
        {
            await journal.UpdateAsync(s => s.WithoutPending(pending), CancellationToken.None);
            throw;
        }
        catch (Exception e) when (PartialSnapshot(e) is { } partial)
        {
            await journal.UpdateAsync(s => s.WithoutPending(pending).WithResource(new StateResource(change.Address, partial.Id, partial.Inputs, partial.Outputs, change.Dependencies)), CancellationToken.None);
            throw;
        }

        _outputs[change.Address] = created.Outputs;
        await journal.UpdateAsync(s => s.WithoutPending(pending).WithResource(new StateResource(change.Address, created.Id, created.Inputs, created.Outputs, change.Dependencies)), cancellationToken);
    }

    /// <summary>
    /// Creates the object exactly once: an object found after a lost answer is adopted unless state already owns it
    /// (or, for an access key whose token nobody saw, deleted and made again).
    /// </summary>
    private Task<ResourceSnapshot> CreateOnceAsync(IResourceKind kind, PendingOperation pending, PropertyMap inputs, CancellationToken cancellationToken)
    {
        var owned = journal.Current.Resources.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        return ExactlyOnceCreate.RunAsync(kind, context, inputs, pending.NaturalKey, live => !owned.Contains(live.Id), pending.Address.ToString(), cancellationToken);
    }

    private async Task UpdateAsync(PlannedChange change, PropertyMap inputs, CancellationToken cancellationToken)
    {
        var kind = registry.GetByName(change.Address.Kind);
        var updated = await kind.UpdateAsync(context, change.Current!, inputs, cancellationToken);
        _outputs[change.Address] = updated.Outputs;
        await journal.UpdateAsync(s => s.WithResource(new StateResource(change.Address, updated.Id, updated.Inputs, updated.Outputs, change.Dependencies)), cancellationToken);
    }

    private async Task ReplaceAsync(PlannedChange change, PropertyMap inputs, CancellationToken cancellationToken)
    {
        var old = journal.Current.Resources.First(r => r.Address == change.Address && r.Id == change.Current!.Id);
        if (change.DeleteBeforeReplace)
        {
            await DeleteAsync(old, cancellationToken);
        }
        else
        {
            // The old object stays owned (deposed) until the delete phase, after dependents moved to the new one.
            await journal.UpdateAsync(s => s.WithResource(old with { Deposed = true }), cancellationToken);
        }

        await CreateAsync(change, inputs, cancellationToken);
    }

    private async Task DeleteAsync(StateResource resource, CancellationToken cancellationToken)
    {
        var kind = registry.GetByName(resource.Address.Kind);
        await kind.DeleteAsync(context, resource.Snapshot, cancellationToken);
        await journal.UpdateAsync(s => s.WithoutResource(resource.Address, resource.Id), cancellationToken);
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
