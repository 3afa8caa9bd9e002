using BirdInfra.Providers.Kinds;
using BirdInfra.Providers.Properties;
using BirdInfra.Providers.Schema;

namespace BirdInfra.Tests.Refresh;

/// <summary>A real kind whose live listing is given by the test, so refresh rules run without Bird; any other call is a test bug.</summary>
internal sealed class ListedKind(IResourceKind kind, params ResourceSnapshot[] live) : IResourceKind
{
    public string Name => kind.Name;

    public string TypeToken => kind.TypeToken;

    public KindSchema Schema => kind.Schema;

    public CheckResult Check(PropertyMap inputs) => kind.Check(inputs);

    public DiffResult Diff(ResourceSnapshot old, PropertyMap newInputs) => kind.Diff(old, newInputs);

    public string NaturalKey(PropertyMap inputs) => kind.NaturalKey(inputs);

    public Task<IReadOnlyList<ResourceSnapshot>> ListAsync(ProviderContext context, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ResourceSnapshot>>(live);

    public ResourceSnapshot MergeLive(ResourceSnapshot known, ResourceSnapshot live) => kind.MergeLive(known, live);

    public Task<ResourceSnapshot> CreateAsync(ProviderContext context, PropertyMap inputs, CancellationToken cancellationToken) => throw Unexpected();

    public Task<ResourceSnapshot?> ReadAsync(ProviderContext context, ResourceSnapshot known, CancellationToken cancellationToken) => throw Unexpected();

    public Task<ResourceSnapshot> UpdateAsync(ProviderContext context, ResourceSnapshot old, PropertyMap newInputs, CancellationToken cancellationToken) => throw Unexpected();

    public Task DeleteAsync(ProviderContext context, ResourceSnapshot old, CancellationToken cancellationToken) => throw Unexpected();

    private static InvalidOperationException Unexpected() => new("Refresh only lists.");
}
