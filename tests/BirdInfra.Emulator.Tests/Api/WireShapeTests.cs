using System.Text.Json.Nodes;
using BirdInfra.Emulator.Tests.Support;

namespace BirdInfra.Emulator.Tests.Api;

/// <summary>
/// The exact properties, in order, of the bodies whose records double as their wire shape: a stored-only field
/// (a channel's workspace, a subscription's signing key after create) never reaches a client.
/// </summary>
public sealed class WireShapeTests(EmulatorFixture f) : IClassFixture<EmulatorFixture>
{
    private static readonly string[] SubscriptionFields =
        ["id", "organizationId", "workspaceId", "service", "event", "eventFilters", "template", "url", "status", "createdAt", "updatedAt"];

    private static readonly string[] AccessKeyFields =
        ["id", "organizationId", "name", "description", "type", "suffix", "lastUsedAt", "createdAt", "updatedAt"];

    private static IEnumerable<string> Names(JsonNode node) => node.AsObject().Select(p => p.Key);

    [Fact]
    public async Task Channel_ShowsItsDocumentedFieldsOnly_InGetAndList()
    {
        var channelId = await f.CreateChannelAsync();
        string[] expected = ["id", "platformId", "name", "connectorId", "identifier", "status", "createdAt", "updatedAt"];

        Names((await f.Admin.GetAsync($"workspaces/{f.Ws}/channels/{channelId}")).ShouldBe(200).Body).Should().Equal(expected);
        var listed = (await f.Admin.GetAsync($"workspaces/{f.Ws}/channels?limit=1000")).ShouldBe(200).Results.Single(c => c["id"]!.GetValue<string>() == channelId);
        Names(listed).Should().Equal(expected);
    }

    [Fact]
    public async Task Subscription_ShowsTheSigningKeyLastOnCreateOnly()
    {
        var path = $"workspaces/{f.Ws}/webhook-subscriptions";
        var created = (await f.Admin.PostAsync(path, new { service = "channels", @event = "channel.created", url = $"https://hooks.example.com/{Guid.NewGuid():N}", signingKey = "shape-key" }))
            .ShouldBe(201).Body;
        Names(created).Should().Equal([.. SubscriptionFields, "signingKey"]);
        var id = created["id"]!.GetValue<string>();

        Names((await f.Admin.GetAsync($"{path}/{id}")).ShouldBe(200).Body).Should().Equal(SubscriptionFields);
        Names((await f.Admin.PatchAsync($"{path}/{id}", new { status = "inactive" })).ShouldBe(200).Body).Should().Equal(SubscriptionFields);
        Names((await f.Admin.GetAsync($"{path}?limit=100")).ShouldBe(200).Results.Single(s => s["id"]!.GetValue<string>() == id)).Should().Equal(SubscriptionFields);

        var keyless = (await f.Admin.PostAsync(path, new { service = "channels", @event = "channel.created", url = $"https://hooks.example.com/{Guid.NewGuid():N}" })).ShouldBe(201).Body;
        Names(keyless).Should().Equal(SubscriptionFields);
    }

    [Fact]
    public async Task AccessKey_ListAndCreateShowRoleRefs_GetShowsExpandedRoles()
    {
        var role = await f.CreateRoleAsync(await f.CreatePolicyAsync(new { effect = "allow", actions = new[] { "view" }, resources = new[] { "/workspaces/*" } }));
        var created = (await f.Admin.PostAsync($"organizations/{f.Org}/access-keys", new
        {
            name = $"key-{Guid.NewGuid():N}",
            description = "wire shape",
            roleRefs = new[] { new { id = role, type = "organization" } },
        })).ShouldBe(201).Body;
        Names(created).Should().Equal("accessKey", "token");
        Names(created["accessKey"]!).Should().Equal([.. AccessKeyFields, "roleRefs"]);
        var id = created["accessKey"]!["id"]!.GetValue<string>();

        Names((await f.Admin.GetAsync($"organizations/{f.Org}/access-keys/{id}")).ShouldBe(200).Body).Should().Equal([.. AccessKeyFields, "roles"]);
        var listed = (await f.Admin.GetAsync($"organizations/{f.Org}/access-keys?limit=100")).ShouldBe(200).Results.Single(k => k["id"]!.GetValue<string>() == id);
        Names(listed).Should().Equal([.. AccessKeyFields, "roleRefs"]);
    }
}
