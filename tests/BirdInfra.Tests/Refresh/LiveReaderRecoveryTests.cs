using System.Collections.Immutable;
using BirdInfra.Providers.AccessKey;
using BirdInfra.Providers.AccessPolicy;
using BirdInfra.Providers.Client;
using BirdInfra.Providers.Expressions;
using BirdInfra.Providers.Kinds;
using BirdInfra.Providers.Properties;
using BirdInfra.Refresh;
using BirdInfra.State;

namespace BirdInfra.Tests.Refresh;

/// <summary>Refresh settles the creates an interrupted run journaled as pending, by the shared recovery rule; Bird's listing is given by hand.</summary>
public sealed class LiveReaderRecoveryTests : IDisposable
{
    private static readonly ResourceAddress Policy = new("AccessPolicy", "cc");

    private readonly BirdClient _client = new(new BirdClientOptions(new Uri("https://api.bird.test/"), new BirdAccessKey("test-key-never-sent")));

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task ReadAsync_WhenOneUnownedObjectMatchesAPendingCreate_AdoptsIt()
    {
        var result = await ReadAsync(new AccessPolicyKind(), Pending(Policy, "AccessPolicy:cc"), Live("p-1", "cc"), Live("p-2", "other"));

        result.State.Pending.Should().BeEmpty();
        result.State.Find(Policy)!.Id.Should().Be("p-1");
        result.Drift.Should().ContainSingle(d => d.Id == "p-1" && d.Description == "adopted: created by an interrupted run");
    }

    [Fact]
    public async Task ReadAsync_WhenTheMatchIsAnAccessKeyWhoseTokenNobodySaw_MarksItForDeletion()
    {
        var key = new ResourceAddress("AccessKey", "cc");

        var result = await ReadAsync(new AccessKeyKind(), Pending(key, "AccessKey:cc"), Live("k-1", "cc"));

        result.State.Find(key).Should().BeNull("the key is created again");
        result.State.Resources.Should().ContainSingle(r => r.Id == "k-1" && r.Deposed);
        result.Drift.Should().ContainSingle(d => d.Description == "orphan of an interrupted run: will be deleted");
    }

    [Fact]
    public async Task ReadAsync_WhenNothingMatches_DropsThePendingEntry()
    {
        var result = await ReadAsync(new AccessPolicyKind(), Pending(Policy, "AccessPolicy:cc"), Live("p-2", "other"));

        result.State.Pending.Should().BeEmpty();
        result.State.Resources.Should().BeEmpty();
        result.Drift.Should().BeEmpty();
    }

    [Fact]
    public async Task ReadAsync_WhenSeveralUnownedObjectsMatch_StopsNamingThem_AndAdoptsOrDeletesNone()
    {
        var read = () => ReadAsync(new AccessPolicyKind(), Pending(Policy, "AccessPolicy:cc"), Live("p-1", "cc"), Live("p-2", "cc"));

        (await read.Should().ThrowAsync<StateException>())
            .WithMessage("The create of AccessPolicy.cc that an interrupted run journaled cannot be settled: Bird holds 2 AccessPolicy objects*(p-1, p-2); none was adopted or deleted*Nothing was sent to Bird.");
    }

    [Fact]
    public async Task ReadAsync_LeavesOutObjectsStateOwns()
    {
        var owned = new StateResource(Policy, "p-old", Name("cc"), Name("cc"), ImmutableArray<ResourceAddress>.Empty, Deposed: true);
        var state = Pending(Policy, "AccessPolicy:cc").WithResource(owned);

        var result = await ReadAsync(new AccessPolicyKind(), state, Live("p-old", "cc"), Live("p-new", "cc"));

        result.State.Find(Policy)!.Id.Should().Be("p-new", "the deposed old half of a replacement is owned, so only the new object is a candidate");
    }

    private Task<RefreshResult> ReadAsync(IResourceKind kind, StackState state, params ResourceSnapshot[] live) =>
        LiveReader.ReadAsync(state, new KindRegistry([new ListedKind(kind, live)]), new ProviderContext(_client, "org-1", "ws-1"), CancellationToken.None);

    private static StackState Pending(ResourceAddress address, string naturalKey) =>
        StackState.Empty("dev").WithPending(new PendingOperation("create", address, naturalKey, DateTimeOffset.UnixEpoch));

    private static ResourceSnapshot Live(string id, string name) => new(id, Name(name), Name(name).With("id", PropertyValue.String(id)));

    private static PropertyMap Name(string name) => PropertyMap.Empty.With("name", PropertyValue.String(name));
}
