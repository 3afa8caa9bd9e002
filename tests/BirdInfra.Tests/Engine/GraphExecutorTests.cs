using System.Collections.Concurrent;
using System.Collections.Immutable;
using BirdInfra.Execution;
using BirdInfra.Graph;
using BirdInfra.Providers.Expressions;

namespace BirdInfra.Tests.Engine;

public sealed class GraphExecutorTests
{
    private sealed record Node(ResourceAddress Address, ResourceAddress[] Dependencies);

    private static Node N(string name, params string[] dependencies) =>
        new(Address(name), dependencies.Select(Address).ToArray());

    private static ResourceAddress Address(string name) => ResourceAddress.Parse(name);

    private static Task<ImmutableArray<NodeResult>> Run(
        int bound, IEnumerable<Node> nodes, Func<Node, CancellationToken, Task> action, CancellationToken cancellationToken = default) =>
        new GraphExecutor(bound).ExecuteAsync(nodes, n => n.Address, n => n.Dependencies, action, cancellationToken);

    private static TaskCompletionSource Gate() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [Fact]
    public async Task Execute_RunsEachNodeAfterItsDependencies()
    {
        // A policy → role → key chain, a connector with a webhook, and a key that reads both branches, given dependents first.
        Node[] nodes =
        [
            N("AccessKey.both", "AccessRole.cc", "Connector.main"),
            N("WebhookSubscription.inbound", "Connector.main"),
            N("AccessKey.cc", "AccessRole.cc"),
            N("AccessRole.cc", "AccessPolicy.cc"),
            N("Connector.main"),
            N("AccessPolicy.cc"),
        ];
        var events = new ConcurrentQueue<string>();

        var results = await Run(4, nodes, async (node, _) =>
        {
            events.Enqueue("start " + node.Address);
            await Task.Yield();
            events.Enqueue("end " + node.Address);
        });

        results.Should().AllBeOfType<NodeSucceeded>();
        results.Select(r => r.Address).Should().Equal(nodes.Select(n => n.Address), "results come in the order the nodes were given");
        var order = events.ToList();
        foreach (var node in nodes)
        {
            foreach (var dependency in node.Dependencies)
            {
                order.IndexOf("end " + dependency).Should().BeLessThan(order.IndexOf("start " + node.Address), $"{node.Address} reads {dependency}");
            }
        }
    }

    [Fact]
    public async Task Execute_ANodeThatHandsBackItsSlot_LetsTheNextStart_WhileItsDependentsStillWaitForIt()
    {
        // A bound of one: the connector starts waiting (hands its slot back), so the policy runs beside it; the webhook
        // that needs the connector starts only once the connector has finished.
        Node[] nodes = [N("Connector.main"), N("AccessPolicy.cc"), N("WebhookSubscription.inbound", "Connector.main")];
        var waiting = Gate();
        var connectorDone = Gate();
        var policyRan = Gate();
        var events = new ConcurrentQueue<string>();

        var execution = new GraphExecutor(1).ExecuteAsync(nodes, n => n.Address, n => n.Dependencies, async (node, returnSlot, _) =>
        {
            events.Enqueue("start " + node.Address);
            if (node.Address == Address("Connector.main"))
            {
                returnSlot();
                returnSlot(); // a second call changes nothing
                waiting.SetResult();
                await connectorDone.Task;
            }
            else if (node.Address == Address("AccessPolicy.cc"))
            {
                policyRan.SetResult();
            }

            events.Enqueue("end " + node.Address);
        }, CancellationToken.None);

        await waiting.Task;
        await policyRan.Task; // would never complete if the waiting connector held the only slot
        events.Should().NotContain("start WebhookSubscription.inbound", "its dependency is still running");
        connectorDone.SetResult();
        var results = await execution;

        results.Should().AllBeOfType<NodeSucceeded>();
        var order = events.ToList();
        order.IndexOf("end Connector.main").Should().BeLessThan(order.IndexOf("start WebhookSubscription.inbound"));
    }

    [Fact]
    public async Task Execute_NeverRunsMoreThanTheBoundAtOnce()
    {
        // Ten independent nodes, a bound of three, each action held open until the test releases it.
        var nodes = Enumerable.Range(0, 10).Select(i => N($"Connector.c{i}")).ToArray();
        var started = nodes.ToDictionary(n => n.Address, _ => Gate());
        var release = nodes.ToDictionary(n => n.Address, _ => Gate());
        var running = 0;
        var mostAtOnce = 0;

        var execution = Run(3, nodes, async (node, _) =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref mostAtOnce, now);
            started[node.Address].SetResult();
            await release[node.Address].Task;
            Interlocked.Decrement(ref running);
        });

        await Task.WhenAll(nodes.Take(3).Select(n => started[n.Address].Task));
        started.Values.Count(s => s.Task.IsCompleted).Should().Be(3, "the other seven wait for a slot");
        foreach (var node in nodes)
        {
            release[node.Address].SetResult();
            await started[node.Address].Task;
        }

        var results = await execution;

        results.Should().AllBeOfType<NodeSucceeded>();
        mostAtOnce.Should().Be(3);
    }

    [Fact]
    public async Task Execute_WhenANodeFails_SkipsItsDependentsAndNamesTheCause()
    {
        // A policy fails; the role reads it and the key reads the role.
        var boom = new InvalidOperationException("Bird answered 422");
        var ran = new ConcurrentBag<ResourceAddress>();

        var results = await Run(4, [N("AccessPolicy.cc"), N("AccessRole.cc", "AccessPolicy.cc"), N("AccessKey.cc", "AccessRole.cc")], (node, _) =>
        {
            ran.Add(node.Address);
            return node.Address.Kind == "AccessPolicy" ? Task.FromException(boom) : Task.CompletedTask;
        });

        results.Should().Equal(
            new NodeFailed(Address("AccessPolicy.cc"), boom),
            new NodeSkipped(Address("AccessRole.cc"), Address("AccessPolicy.cc")),
            new NodeSkipped(Address("AccessKey.cc"), Address("AccessPolicy.cc")));
        ran.Should().Equal(Address("AccessPolicy.cc"));
    }

    [Fact]
    public async Task Execute_IndependentBranchesContinueAfterAFailure()
    {
        // One at a time: the policy fails first, then the connector and its webhook, which read nothing of it, still run.
        var ran = new ConcurrentQueue<ResourceAddress>();

        var results = await Run(1, [N("AccessPolicy.cc"), N("Connector.main"), N("WebhookSubscription.inbound", "Connector.main")], async (node, _) =>
        {
            ran.Enqueue(node.Address);
            await Task.Yield();
            if (node.Address.Kind == "AccessPolicy")
            {
                throw new InvalidOperationException("Bird answered 422");
            }
        });

        results.Select(r => r.GetType()).Should().Equal(typeof(NodeFailed), typeof(NodeSucceeded), typeof(NodeSucceeded));
        ran.Should().Equal(Address("AccessPolicy.cc"), Address("Connector.main"), Address("WebhookSubscription.inbound"));
    }

    [Fact]
    public async Task Execute_WhenANodeHasSeveralFailedDependencies_NamesTheFirstInItsOwnOrder()
    {
        // The key reads two roles; the second role fails before the first, yet the first is named, whatever the timing.
        var secondFailed = Gate();

        var results = await Run(4, [N("AccessRole.first"), N("AccessRole.second"), N("AccessKey.cc", "AccessRole.first", "AccessRole.second")], async (node, _) =>
        {
            if (node.Address.Name == "first")
            {
                await secondFailed.Task;
            }
            else
            {
                secondFailed.SetResult();
            }

            throw new InvalidOperationException("refused");
        });

        results[2].Should().Be(new NodeSkipped(Address("AccessKey.cc"), Address("AccessRole.first")));
    }

    [Fact]
    public async Task Execute_WhenCancelled_StartsNoNewNodes()
    {
        // Two slots: a policy that ignores the token and a connector that honours it are running when the run is
        // cancelled; the role that reads the policy and the webhook waiting for a slot never start.
        using var cancellation = new CancellationTokenSource();
        var policyStarted = Gate();
        var connectorStarted = Gate();
        var releasePolicy = Gate();
        var started = new ConcurrentBag<ResourceAddress>();
        var tokenSeenByPolicy = CancellationToken.None;
        Node[] nodes = [N("AccessPolicy.cc"), N("Connector.main"), N("AccessRole.cc", "AccessPolicy.cc"), N("WebhookSubscription.inbound")];

        var execution = Run(2, nodes, async (node, token) =>
        {
            started.Add(node.Address);
            if (node.Address.Kind == "AccessPolicy")
            {
                tokenSeenByPolicy = token;
                policyStarted.SetResult();
                await releasePolicy.Task;
            }
            else
            {
                connectorStarted.SetResult();
                await Task.Delay(Timeout.Infinite, token);
            }
        }, cancellation.Token);
        await Task.WhenAll(policyStarted.Task, connectorStarted.Task);
        await cancellation.CancelAsync();
        releasePolicy.SetResult();

        var act = () => execution;
        await act.Should().ThrowAsync<OperationCanceledException>();
        started.Should().BeEquivalentTo(new[] { Address("AccessPolicy.cc"), Address("Connector.main") });
        tokenSeenByPolicy.IsCancellationRequested.Should().BeTrue("the running action was given the caller's token");
    }

    [Fact]
    public async Task Execute_IgnoresDependenciesOutsideTheGraph()
    {
        // The webhook reads a connector that is not part of this run (already in place, or being deleted).
        var results = await Run(4, [N("WebhookSubscription.inbound", "Connector.elsewhere")], (_, _) => Task.CompletedTask);

        results.Should().Equal(new NodeSucceeded(Address("WebhookSubscription.inbound")));
    }

    [Fact]
    public async Task Execute_WhenAnActionIsCancelledByItself_FailsThatNodeOnly()
    {
        // An operation that times out on its own (the caller did not cancel) is a failure like any other.
        var timeout = new TaskCanceledException("timed out");

        var results = await Run(4, [N("Connector.main"), N("WebhookSubscription.inbound", "Connector.main")], (node, _) =>
            node.Address.Kind == "Connector" ? Task.FromException(timeout) : Task.CompletedTask);

        results.Should().Equal(
            new NodeFailed(Address("Connector.main"), timeout),
            new NodeSkipped(Address("WebhookSubscription.inbound"), Address("Connector.main")));
    }

    [Fact]
    public async Task Execute_WithACycle_ThrowsBeforeRunningAnything()
    {
        // Two roles that read each other, beside an independent policy.
        var ran = 0;

        var act = () => Run(4, [N("AccessPolicy.cc"), N("AccessRole.a", "AccessRole.b"), N("AccessRole.b", "AccessRole.a")], (_, _) =>
        {
            Interlocked.Increment(ref ran);
            return Task.CompletedTask;
        });

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("*cycle*");
        ran.Should().Be(0);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Constructor_WithABoundBelowOne_Throws(int bound)
    {
        var act = () => new GraphExecutor(bound);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
