using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Net;
using BirdInfra.Providers.Client;
using BirdInfra.Providers.Kinds;
using BirdInfra.Providers.Properties;
using BirdInfra.Providers.Schema;

namespace BirdInfra.Tests.Support;

/// <summary>
/// An in-memory resource kind for engine tests: objects live in a dictionary, ids are <c>{kind}-{n}</c>, every call is
/// counted and written to its <see cref="FakeBird"/>'s shared log ("create Parent p"). Inputs: <c>name</c> (required,
/// the natural key), <c>parentId</c> and <c>size</c> update in place, <c>zone</c> forces a replacement. Faults are
/// armed per operation and object name and fire once.
/// </summary>
public sealed class FakeKind : IResourceKind
{
    public const string Create = "create";
    public const string Read = "read";
    public const string List = "list";
    public const string Update = "update";
    public const string Delete = "delete";

    private static readonly string[] Known = ["name", "parentId", "size", "zone"];
    private readonly FakeBird _bird;
    private readonly ConcurrentDictionary<string, ResourceSnapshot> _objects = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Operation, string Name), bool> _refusals = new();
    private readonly ConcurrentDictionary<string, bool> _lostCreateAnswers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);
    private int _nextId;

    /// <param name="createOnlySecret">
    /// Gives every object a secret <c>token</c> output that only the create answer carries (like an access key's),
    /// so an object whose create answer was lost cannot be adopted.
    /// </param>
    public FakeKind(string name, FakeBird bird, bool createOnlySecret = false)
    {
        Name = name;
        _bird = bird;
        CreateOnlySecret = createOnlySecret;
        Schema = BuildSchema(createOnlySecret);
    }

    public string Name { get; }

    public string TypeToken => $"fake:index:{Name}";

    public KindSchema Schema { get; }

    public bool CreateOnlySecret { get; }

    /// <summary>When set, a replacement must delete the old object before creating the new one.</summary>
    public bool DeleteBeforeReplace { get; init; }

    /// <summary>The objects "Bird" holds now, by id.</summary>
    public IReadOnlyDictionary<string, ResourceSnapshot> Objects => _objects;

    /// <summary>How many times an operation (<see cref="Create"/>, <see cref="List"/>, ...) was called on this kind.</summary>
    public int Calls(string operation) => _calls.GetValueOrDefault(operation);

    /// <summary>The next <paramref name="operation"/> on the object named <paramref name="objectName"/> is refused with a 400: nothing happens in Bird.</summary>
    public void RefuseNext(string operation, string objectName) => _refusals[(operation, objectName)] = true;

    /// <summary>The next create of <paramref name="objectName"/> stores the object, then fails as if the answer were lost (a 502 after sending).</summary>
    public void LoseNextCreateAnswer(string objectName) => _lostCreateAnswers[objectName] = true;

    /// <summary>Puts an object in Bird directly, as another tool or an earlier run would have.</summary>
    public ResourceSnapshot Seed(PropertyMap inputs) => Store(inputs);

    /// <summary>Deletes an object behind BirdInfra's back.</summary>
    public void RemoveOutsideBirdInfra(string id) => _objects.TryRemove(id, out _);

    public CheckResult Check(PropertyMap inputs)
    {
        var failures = ImmutableArray.CreateBuilder<CheckFailure>();
        if (inputs["name"] is not { } name || name.IsNull)
        {
            failures.Add(new CheckFailure("name", "'name' is required.", "Set 'name'."));
        }

        foreach (var key in inputs.Keys.Where(k => !Known.Contains(k, StringComparer.Ordinal)))
        {
            failures.Add(new CheckFailure(key, $"'{key}' is not a property here.", $"Known properties: {string.Join(", ", Known)}."));
        }

        return new CheckResult(inputs, failures.ToImmutable());
    }

    public DiffResult Diff(ResourceSnapshot old, PropertyMap newInputs)
    {
        var changes = old.Inputs.Keys.Union(newInputs.Keys, StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Where(key => !Equals(old.Inputs[key], newInputs[key]))
            .Select(key => new PropertyDiff(key, old.Inputs[key], newInputs[key], ForcesReplacement: key == "zone"))
            .ToImmutableArray();
        if (changes.IsEmpty)
        {
            return DiffResult.Same;
        }

        return changes.Any(c => c.ForcesReplacement)
            ? new DiffResult(DiffOutcome.Replace, changes, DeleteBeforeReplace)
            : new DiffResult(DiffOutcome.Update, changes);
    }

    public string NaturalKey(PropertyMap inputs) => $"{Name}:{inputs.GetString("name")}";

    public async Task<ResourceSnapshot> CreateAsync(ProviderContext context, PropertyMap inputs, CancellationToken cancellationToken)
    {
        var name = await EnterAsync(Create, inputs);
        if (_lostCreateAnswers.TryRemove(name, out _))
        {
            Store(inputs);
            throw new BirdApiException($"POST /fake/{Name}", BirdFailure.Status, HttpStatusCode.BadGateway, null, "answer lost", null, 1, outcomeUnknown: true);
        }

        return Store(inputs);
    }

    public async Task<ResourceSnapshot?> ReadAsync(ProviderContext context, ResourceSnapshot known, CancellationToken cancellationToken)
    {
        await EnterAsync(Read, known.Inputs);
        return _objects.TryGetValue(known.Id, out var live) ? MergeLive(known, live) : null;
    }

    public async Task<IReadOnlyList<ResourceSnapshot>> ListAsync(ProviderContext context, CancellationToken cancellationToken)
    {
        await EnterAsync(List, null);

        // Like Bird, a listing never shows a create-only secret.
        return _objects.Values.OrderBy(o => o.Id, StringComparer.Ordinal).Select(o => o with { Outputs = o.Outputs.Without("token") }).ToList();
    }

    public ResourceSnapshot MergeLive(ResourceSnapshot known, ResourceSnapshot live) =>
        known.Outputs["token"] is { } token && live.Outputs["token"] is null ? live with { Outputs = live.Outputs.With("token", token) } : live;

    public async Task<ResourceSnapshot> UpdateAsync(ProviderContext context, ResourceSnapshot old, PropertyMap newInputs, CancellationToken cancellationToken)
    {
        await EnterAsync(Update, newInputs);
        if (!_objects.TryGetValue(old.Id, out var live))
        {
            throw new BirdApiException($"PATCH /fake/{Name}/{old.Id}", BirdFailure.Status, HttpStatusCode.NotFound, "NotFound", "no such object", null, 1, outcomeUnknown: false);
        }

        var updated = new ResourceSnapshot(old.Id, newInputs, Outputs(old.Id, newInputs, live.Outputs["token"]));
        _objects[old.Id] = updated;
        return updated;
    }

    public async Task DeleteAsync(ProviderContext context, ResourceSnapshot old, CancellationToken cancellationToken)
    {
        await EnterAsync(Delete, old.Inputs);
        _objects.TryRemove(old.Id, out _);
    }

    private async Task<string> EnterAsync(string operation, PropertyMap? inputs)
    {
        // Yield so that independent operations really interleave in the applier.
        await Task.Yield();
        var name = inputs?.GetString("name") ?? string.Empty;
        _calls.AddOrUpdate(operation, 1, (_, n) => n + 1);
        await _bird.RecordAsync(inputs is null ? $"{operation} {Name}" : $"{operation} {Name} {name}");
        if (_refusals.TryRemove((operation, name), out _))
        {
            throw new BirdApiException($"{operation} /fake/{Name}", BirdFailure.Status, HttpStatusCode.BadRequest, "InvalidPayload", $"{Name} {name} refused", null, 1, outcomeUnknown: false);
        }

        return name;
    }

    private ResourceSnapshot Store(PropertyMap inputs)
    {
        var id = $"{Name.ToLowerInvariant()}-{Interlocked.Increment(ref _nextId)}";
        var token = CreateOnlySecret ? PropertyValue.SecretString($"token-of-{id}") : null;
        var snapshot = new ResourceSnapshot(id, inputs, Outputs(id, inputs, token));
        _objects[id] = snapshot;
        return snapshot;
    }

    private static PropertyMap Outputs(string id, PropertyMap inputs, PropertyValue? token)
    {
        var outputs = inputs.With("id", PropertyValue.String(id));
        return token is null ? outputs : outputs.With("token", token);
    }

    private static KindSchema BuildSchema(bool createOnlySecret)
    {
        var inputs = ImmutableArray.Create(
            new PropertySchema("name", PropertyType.String, "Natural key.", Required: true),
            new PropertySchema("parentId", PropertyType.String, "Another object's id."),
            new PropertySchema("size", PropertyType.Number, "Updates in place."),
            new PropertySchema("zone", PropertyType.String, "Forces a replacement.", ReplaceOnChange: true));
        var outputs = inputs.Add(new PropertySchema("id", PropertyType.String, "Assigned by the fake."));
        if (createOnlySecret)
        {
            outputs = outputs.Add(new PropertySchema("token", PropertyType.String, "Only in the create answer.", Secret: true));
        }

        return new KindSchema("A fake kind for engine tests.", inputs, outputs);
    }
}
