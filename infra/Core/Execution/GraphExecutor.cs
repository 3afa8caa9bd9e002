using System.Threading.Channels;

namespace BirdInfra.Execution;

/// <summary>
/// Runs one action per node of a dependency graph: a node starts once everything it depends on succeeded, at most
/// <see cref="MaxDegreeOfParallelism"/> at a time (a node that only waits may hand its slot back), in the order nodes become ready (ties in the order given); a node
/// whose dependency failed or was skipped is skipped. The built-in applier and the Pulumi program both run on it.
/// </summary>
public sealed class GraphExecutor
{
    public GraphExecutor(int maxDegreeOfParallelism)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDegreeOfParallelism, 1);
        MaxDegreeOfParallelism = maxDegreeOfParallelism;
    }

    /// <summary>Starts every node as soon as its dependencies succeeded.</summary>
    public static GraphExecutor Unbounded { get; } = new(int.MaxValue);

    public int MaxDegreeOfParallelism { get; }

    /// <summary>
    /// Runs <paramref name="action"/> once per node and returns one result per node, in the order given. A dependency on
    /// an address that is not among the nodes is ignored. An exception from an action fails that node only. Once
    /// <paramref name="cancellationToken"/> is cancelled no further node starts; the running actions (which were given
    /// the token) are awaited, then <see cref="OperationCanceledException"/> is thrown unless every node had finished.
    /// </summary>
    /// <exception cref="InvalidOperationException">The dependencies form a cycle; nothing was run.</exception>
    /// <exception cref="ArgumentException">Two nodes have the same address; nothing was run.</exception>
    public Task<ImmutableArray<NodeResult>> ExecuteAsync<T>(
        IEnumerable<T> nodes,
        Func<T, ResourceAddress> addressOf,
        Func<T, IEnumerable<ResourceAddress>> dependenciesOf,
        Func<T, CancellationToken, Task> action,
        CancellationToken cancellationToken) =>
        ExecuteAsync(nodes, addressOf, dependenciesOf, (node, _, token) => action(node, token), cancellationToken);

    /// <summary>
    /// As above; an action may call the <see cref="Action"/> it is given to hand back its slot while it only waits (a
    /// connector waiting for its channel): another node starts in its place, while the node itself still counts as running
    /// (its dependents wait for it to finish). Calling it more than once has no further effect.
    /// </summary>
    public async Task<ImmutableArray<NodeResult>> ExecuteAsync<T>(
        IEnumerable<T> nodes,
        Func<T, ResourceAddress> addressOf,
        Func<T, IEnumerable<ResourceAddress>> dependenciesOf,
        Func<T, Action, CancellationToken, Task> action,
        CancellationToken cancellationToken)
    {
        var list = nodes.ToList();

        // Sorting finds duplicate addresses and cycles before anything runs; the order itself comes from readiness.
        DependencyOrder.Sort(list, addressOf, dependenciesOf);
        var addresses = list.Select(addressOf).ToArray();
        var indexOf = addresses.Select((address, index) => (address, index)).ToDictionary(p => p.address, p => p.index);
        var dependencies = list
            .Select(node => dependenciesOf(node).Where(indexOf.ContainsKey).Select(d => indexOf[d]).Distinct().ToArray())
            .ToArray();
        var dependents = addresses.Select(_ => new List<int>()).ToArray();
        for (var index = 0; index < list.Count; index++)
        {
            foreach (var dependency in dependencies[index])
            {
                dependents[dependency].Add(index);
            }
        }

        var unsettledDependencies = dependencies.Select(d => d.Length).ToArray();
        var results = new NodeResult?[list.Count];
        var ready = new Queue<int>(Enumerable.Range(0, list.Count).Where(i => unsettledDependencies[i] == 0));

        // A null result is a node whose action was cancelled: it settles nothing, so its dependents never start. A message
        // with SlotOnly set is a node handing back its slot while it keeps running.
        var finished = Channel.CreateUnbounded<(int Index, NodeResult? Result, bool SlotOnly)>(new UnboundedChannelOptions { SingleReader = true });
        var slotReturned = new int[list.Count];
        var holdingSlots = 0;
        var running = 0;
        while (true)
        {
            while (holdingSlots < MaxDegreeOfParallelism && ready.Count > 0 && !cancellationToken.IsCancellationRequested)
            {
                holdingSlots++;
                running++;
                _ = RunAsync(ready.Dequeue()); // Never throws; its end arrives through `finished`, and `running` waits for it.
            }

            if (running == 0)
            {
                break;
            }

            // In-flight actions are always awaited, cancelled or not: nothing is left running behind the caller's back.
            var message = await finished.Reader.ReadAsync(CancellationToken.None);
            do
            {
                if (message.SlotOnly)
                {
                    holdingSlots--;
                    continue;
                }

                running--;
                if (Interlocked.Exchange(ref slotReturned[message.Index], 1) == 0)
                {
                    holdingSlots--;
                }

                if (message.Result is not null)
                {
                    Settle(message.Index, message.Result);
                }
            }
            while (finished.Reader.TryRead(out message));
        }

        if (results.Any(r => r is null))
        {
            throw new OperationCanceledException(cancellationToken);
        }

        return [.. results.Select(r => r!)];

        async Task RunAsync(int index)
        {
            NodeResult? result;
            try
            {
                await action(list[index], () => ReturnSlot(index), cancellationToken);
                result = new NodeSucceeded(addresses[index]);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                result = null;
            }
            catch (Exception e)
            {
                result = new NodeFailed(addresses[index], e);
            }

            finished.Writer.TryWrite((index, result, false));
        }

        void ReturnSlot(int index)
        {
            if (Interlocked.Exchange(ref slotReturned[index], 1) == 0)
            {
                finished.Writer.TryWrite((index, null, true));
            }
        }

        // Records a result and releases or skips the dependents whose last dependency it was.
        void Settle(int index, NodeResult result)
        {
            results[index] = result;
            var settled = new Stack<int>([index]);
            while (settled.TryPop(out var done))
            {
                foreach (var dependent in dependents[done])
                {
                    if (--unsettledDependencies[dependent] > 0)
                    {
                        continue;
                    }

                    // The first dependency in the dependent's own order that did not succeed names the cause, so the
                    // report does not depend on which failure happened to finish first.
                    var blocker = dependencies[dependent].FirstOrDefault(d => results[d] is not NodeSucceeded, -1);
                    if (blocker < 0)
                    {
                        ready.Enqueue(dependent);
                        continue;
                    }

                    results[dependent] = new NodeSkipped(addresses[dependent], results[blocker] switch
                    {
                        NodeSkipped skipped => skipped.FailedDependency,
                        var failed => failed!.Address,
                    });
                    settled.Push(dependent);
                }
            }
        }
    }
}
