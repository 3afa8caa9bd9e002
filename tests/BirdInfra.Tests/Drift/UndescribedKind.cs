using BirdInfra.Providers.Kinds;
using BirdInfra.Providers.Properties;
using BirdInfra.Providers.Schema;

namespace BirdInfra.Tests.Drift;

/// <summary>A real kind, declarable, that says nothing to drift about objects beside the stack (no <see cref="IResourceKind.Beside"/>); drift only lists.</summary>
internal sealed class UndescribedKind(IResourceKind kind) : IResourceKind
{
    public string Name => kind.Name;

    public string TypeToken => kind.TypeToken;

    public KindSchema Schema => kind.Schema;

    public StackSection? Stack => kind.Stack;

    public CheckResult Check(PropertyMap inputs) => kind.Check(inputs);

    public DiffResult Diff(ResourceSnapshot old, PropertyMap newInputs) => kind.Diff(old, newInputs);

    public string NaturalKey(PropertyMap inputs) => kind.NaturalKey(inputs);

    public ResourceSnapshot MergeLive(ResourceSnapshot known, ResourceSnapshot live) => kind.MergeLive(known, live);

    public Task<IReadOnlyList<ResourceSnapshot>> ListAsync(ProviderContext context, CancellationToken cancellationToken) => throw Unexpected();

    public Task<ResourceSnapshot> CreateAsync(ProviderContext context, PropertyMap inputs, CancellationToken cancellationToken) => throw Unexpected();

    public Task<ResourceSnapshot?> ReadAsync(ProviderContext context, ResourceSnapshot known, CancellationToken cancellationToken) => throw Unexpected();

    public Task<ResourceSnapshot> UpdateAsync(ProviderContext context, ResourceSnapshot old, PropertyMap newInputs, CancellationToken cancellationToken) => throw Unexpected();

    public Task DeleteAsync(ProviderContext context, ResourceSnapshot old, CancellationToken cancellationToken) => throw Unexpected();

    private static InvalidOperationException Unexpected() => new("Drift gets its listings from the test.");
}
