using System.Collections.Immutable;
using BirdInfra.Graph;
using BirdInfra.Providers.Graph;

namespace BirdInfra.State;

/// <summary>The versioned record of what one stack owns. Every change returns a new value with the serial bumped.</summary>
public sealed record StackState(
    int Version,
    long Serial,
    string Lineage,
    string Stack,
    ImmutableArray<StateResource> Resources,
    ImmutableArray<PendingOperation> Pending)
{
    /// <summary>
    /// 2: the snapshot has a journal beside it (docs/state-journal.md). Version 1 files are read and written back as 2;
    /// a BirdInfra that reads only version 1 refuses a version 2 file instead of missing the journal's steps.
    /// </summary>
    public const int CurrentVersion = 2;

    public static StackState Empty(string stack) =>
        new(CurrentVersion, 0, Guid.NewGuid().ToString(), stack, ImmutableArray<StateResource>.Empty, ImmutableArray<PendingOperation>.Empty);

    public StateResource? Find(ResourceAddress address) =>
        Resources.FirstOrDefault(r => r.Address == address && !r.Deposed);

    public StackState WithResource(StateResource resource) => this with
    {
        Serial = Serial + 1,
        Resources = Resources.RemoveAll(r => r.Address == resource.Address && r.Id == resource.Id).Add(resource),
    };

    public StackState WithoutResource(ResourceAddress address, string id) => this with
    {
        Serial = Serial + 1,
        Resources = Resources.RemoveAll(r => r.Address == address && r.Id == id),
    };

    public StackState WithPending(PendingOperation operation) => this with
    {
        Serial = Serial + 1,
        Pending = Pending.Add(operation),
    };

    public StackState WithoutPending(PendingOperation operation) => this with
    {
        Serial = Serial + 1,
        Pending = Pending.Remove(operation),
    };
}
