using System.Collections.Concurrent;
using BirdInfra.Providers.Client;
using BirdInfra.Providers.Kinds;

namespace BirdInfra.Tests.Support;

/// <summary>
/// An in-memory Bird for planner and applier tests: two fake kinds, <c>Parent</c> and <c>Child</c> (a child's
/// <c>parentId</c> references a parent's <c>id</c>), one ordered log of every call made to either, and a provider
/// context whose client points at an unused loopback port (the fakes never send a request).
/// </summary>
public sealed class FakeBird : IDisposable
{
    private readonly ConcurrentQueue<string> _log = new();
    private readonly BirdClient _client = new(new BirdClientOptions(new Uri("http://127.0.0.1:9/"), new BirdAccessKey("unused-fake-bird-key")) { MaxAttempts = 1 });

    public FakeBird(bool parentDeletesBeforeReplace = false, bool childHasCreateOnlySecret = false)
    {
        Parent = new FakeKind("Parent", this) { DeleteBeforeReplace = parentDeletesBeforeReplace };
        Child = new FakeKind("Child", this, createOnlySecret: childHasCreateOnlySecret);
        Registry = new KindRegistry([Parent, Child]);
        Context = new ProviderContext(_client, "fake-org", "fake-workspace");
    }

    public FakeKind Parent { get; }

    public FakeKind Child { get; }

    public KindRegistry Registry { get; }

    public ProviderContext Context { get; }

    /// <summary>Every call in the order it reached the fake, e.g. <c>create Parent p</c>, <c>list Child</c>.</summary>
    public IReadOnlyList<string> Log => _log.ToArray();

    /// <summary>Runs when a call reaches the fake, before it takes effect: tests look at the state file at that moment.</summary>
    public Func<string, Task>? BeforeEachCall { get; set; }

    /// <summary>The calls that change Bird (create, update, delete), in order.</summary>
    public IReadOnlyList<string> Mutations => Log.Where(c => !c.StartsWith(FakeKind.List, StringComparison.Ordinal) && !c.StartsWith(FakeKind.Read, StringComparison.Ordinal)).ToList();

    public void ClearLog() => _log.Clear();

    public void Dispose() => _client.Dispose();

    internal async Task RecordAsync(string call)
    {
        _log.Enqueue(call);
        if (BeforeEachCall is { } hook)
        {
            await hook(call);
        }
    }
}
