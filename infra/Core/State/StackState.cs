using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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

    private static readonly ConditionalWeakTable<StateResource[], Dictionary<ResourceAddress, StateResource>> Indexes = new();

    /// <summary>The live (not deposed) object at <paramref name="address"/>, through an index built once per resource array.</summary>
    public StateResource? Find(ResourceAddress address)
    {
        var resources = ImmutableCollectionsMarshal.AsArray(Resources);
        if (resources is null)
        {
            return null;
        }

        // Keyed by the array itself: every change makes a new array, so an index never outlives the state it describes.
        var index = Indexes.GetValue(resources, array =>
        {
            var byAddress = new Dictionary<ResourceAddress, StateResource>(array.Length);
            foreach (var resource in array)
            {
                if (!resource.Deposed)
                {
                    byAddress.TryAdd(resource.Address, resource);
                }
            }

            return byAddress;
        });
        return index.GetValueOrDefault(address);
    }

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
