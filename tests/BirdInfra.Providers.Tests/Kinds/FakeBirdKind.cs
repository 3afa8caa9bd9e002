using System.Collections.Immutable;
using System.Net;
using BirdInfra.Providers.Client;
using BirdInfra.Providers.Kinds;
using BirdInfra.Providers.Properties;
using BirdInfra.Providers.Schema;

namespace BirdInfra.Providers.Tests.Kinds;

/// <summary>
/// A kind whose "Bird" is a list in memory, for engine rules that do not depend on a real kind: its creates can be told
/// to lose their answer (the object is made, the caller hears 500), and it counts creates and deletes.
/// </summary>
internal sealed class FakeBirdKind(bool createOnlySecret = false, ILateOutputs? lateOutputs = null) : IResourceKind
{
    private int _nextId;

    public string Name => "Fake";

    public string TypeToken => "bird:index:Fake";

    public KindSchema Schema { get; } = new(
        "A kind for tests.",
        [new PropertySchema("name", PropertyType.String, "Name.", Required: true)],
        createOnlySecret
            ? [new PropertySchema("name", PropertyType.String, "Name."), new PropertySchema("token", PropertyType.String, "Shown only on create.", Secret: true)]
            : [new PropertySchema("name", PropertyType.String, "Name.")]);

    public ILateOutputs? LateOutputs => lateOutputs;

    /// <summary>What Bird holds.</summary>
    public List<ResourceSnapshot> Live { get; } = [];

    /// <summary>How many of the next creates make their object but lose the answer.</summary>
    public int AnswersToLose { get; set; }

    public int Creates { get; private set; }

    public List<string> Deleted { get; } = [];

    /// <summary>When set, listing throws it (a lookup that fails too).</summary>
    public Exception? ListFailure { get; set; }

    /// <summary>When set, deleting throws it (and deletes nothing).</summary>
    public Exception? DeleteFailure { get; set; }

    public static ResourceSnapshot Object(string id, string name) =>
        new(id, PropertyMaps.Of(("name", PropertyValue.String(name))), PropertyMaps.Of(("name", PropertyValue.String(name))));

    public CheckResult Check(PropertyMap inputs) => new(inputs, ImmutableArray<CheckFailure>.Empty);

    public DiffResult Diff(ResourceSnapshot old, PropertyMap newInputs) => DiffResult.Same;

    public string NaturalKey(PropertyMap inputs) => $"{Name}:{inputs.GetString("name")}";

    public Task<ResourceSnapshot> CreateAsync(ProviderContext context, PropertyMap inputs, CancellationToken cancellationToken)
    {
        Creates++;
        var made = new ResourceSnapshot($"made-{++_nextId}", inputs, inputs);
        Live.Add(made);
        if (AnswersToLose > 0)
        {
            AnswersToLose--;
            throw new BirdApiException("POST /fakes", BirdFailure.Status, HttpStatusCode.InternalServerError, null, null, null, attempts: 1, outcomeUnknown: true);
        }

        return Task.FromResult(made);
    }

    public Task<ResourceSnapshot?> ReadAsync(ProviderContext context, ResourceSnapshot known, CancellationToken cancellationToken) =>
        Task.FromResult(Live.FirstOrDefault(l => l.Id == known.Id));

    public Task<IReadOnlyList<ResourceSnapshot>> ListAsync(ProviderContext context, CancellationToken cancellationToken) =>
        ListFailure is { } failure ? Task.FromException<IReadOnlyList<ResourceSnapshot>>(failure) : Task.FromResult<IReadOnlyList<ResourceSnapshot>>([.. Live]);

    public ResourceSnapshot MergeLive(ResourceSnapshot known, ResourceSnapshot live) => live;

    public Task<ResourceSnapshot> UpdateAsync(ProviderContext context, ResourceSnapshot old, PropertyMap newInputs, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("The fake kind has no update.");

    public Task DeleteAsync(ProviderContext context, ResourceSnapshot old, CancellationToken cancellationToken)
    {
        if (DeleteFailure is { } failure)
        {
            return Task.FromException(failure);
        }

        Live.RemoveAll(l => l.Id == old.Id);
        Deleted.Add(old.Id);
        return Task.CompletedTask;
    }
}
