using BirdInfra.Providers.Kinds;
using BirdInfra.Providers.Properties;
using static BirdInfra.Providers.Tests.Kinds.P;

namespace BirdInfra.Providers.Tests.Integration;

/// <summary>The scenario's objects created through the registry; reading all live state back costs one list call per kind.</summary>
public sealed class ScenarioIntegrationTests
{
    [Fact]
    public async Task ListingEveryKind_AfterCreatingTheScenario_CostsOneGetPerKindAndNoDiffs()
    {
        await using var f = await EmulatorFixture.StartAsync(channelDelay: TimeSpan.FromMilliseconds(50));
        var ct = CancellationToken.None;
        var kinds = BirdKinds.CreateRegistry().For(new KindOptions(AllowHttpLoopbackWebhooks: true));
        var org = f.Emulator.OrganizationId;
        var rows = new (string Action, string Resource)[]
        {
            ("create", "/workspaces/*/channels/*/messages"),
            ("create", "/workspaces/*/verify"),
            ("create", $"/organizations/{org}/workspaces/*/webhook-subscriptions"),
            ("view", "/workspaces/*/channels/*"),
            ("view", $"/organizations/{org}/workspaces/*/webhook-subscriptions"),
            ("delete", $"/organizations/{org}/workspaces/*/webhook-subscriptions/*"),
        };
        var created = new List<(IResourceKind Kind, ResourceSnapshot Snapshot, PropertyMap Inputs)>();

        async Task<ResourceSnapshot> Create(string kindName, PropertyMap inputs)
        {
            var kind = kinds.GetByName(kindName);
            var check = kind.Check(inputs);
            check.Failures.Should().BeEmpty();
            var snapshot = await kind.CreateAsync(f.Context, check.Inputs, ct);
            created.Add((kind, snapshot, inputs));
            return snapshot;
        }

        var policy = await Create("AccessPolicy", Map(("name", S("contact-center")), ("definitions", L(rows.Select(r =>
            M(("effect", S("allow")), ("actions", L(r.Action)), ("resources", L(r.Resource)))).ToArray()))));
        var role = await Create("AccessRole", Map(("name", S("contact-center")), ("policies", L(M(("id", S(policy.Id)))))));
        await Create("AccessKey", Map(("name", S("contact-center")), ("description", S("UCx")), ("roleRefs", L(M(("id", S(role.Id)))))));
        var connector = await Create("Connector", Map(("name", S("wa")), ("wabaId", S("1")), ("phoneId", S("2")), ("phoneNumber", S("+31612345678")), ("accessToken", S("meta"))));
        await Create("WebhookSubscription", Map(("service", S("channels")), ("event", S("channel.created")), ("url", S("https://hooks.example.com/bird")), ("signingKey", S("k"))));
        foreach (var @event in new[] { "whatsapp.inbound", "whatsapp.outbound", "whatsapp.interaction" })
        {
            await Create("WebhookSubscription", Map(
                ("service", S("channels")),
                ("event", S(@event)),
                ("url", S("https://hooks.example.com/bird")),
                ("signingKey", S("k")),
                ("eventFilters", L(M(("key", S("channelId")), ("value", connector.Outputs["channelId"]!))))));
        }

        await f.ClearCallsAsync();
        var live = new Dictionary<string, IReadOnlyList<ResourceSnapshot>>();
        foreach (var kind in kinds.All)
        {
            live[kind.Name] = await kind.ListAsync(f.Context, ct);
        }

        (await f.CallsAsync()).Should().HaveCount(kinds.All.Length, "one list call per kind of the registry (five today)").And.OnlyContain(c => c.Method == "GET");
        foreach (var (kind, snapshot, inputs) in created)
        {
            var found = live[kind.Name].Single(s => s.Id == snapshot.Id);
            kind.Diff(kind.MergeLive(snapshot, found), inputs).Should().Be(DiffResult.Same, $"{kind.Name} {snapshot.Id} must not drift spuriously");
        }
    }
}
