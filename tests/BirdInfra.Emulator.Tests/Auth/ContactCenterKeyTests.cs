using BirdInfra.Emulator.Tests.Support;

namespace BirdInfra.Emulator.Tests.Auth;

/// <summary>The scenario's six-row contact-center policy: allowed exactly where it says, 403 elsewhere.</summary>
public sealed class ContactCenterKeyTests(EmulatorFixture f) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task ContactCenterKey_CanSendVerifyViewChannelAndManageSubscriptions()
    {
        var channelId = await f.CreateChannelAsync();
        var key = f.As(await f.CreateContactCenterKeyAsync());
        var hooks = $"organizations/{f.Org}/workspaces/{f.Ws}/webhook-subscriptions";

        (await key.PostAsync($"workspaces/{f.Ws}/channels/{channelId}/messages", new
        {
            receiver = new { contacts = new[] { new { identifierValue = "+31612345678" } } },
            body = new { type = "text", text = new { text = "hi" } },
        })).ShouldBe(202);
        (await key.PostAsync($"workspaces/{f.Ws}/verify", new { identifier = new { phonenumber = "+31612345678" }, steps = new[] { new { channelId } } })).ShouldBe(202);
        (await key.GetAsync($"workspaces/{f.Ws}/channels/{channelId}")).ShouldBe(200);

        var sub = (await key.PostAsync(hooks, new { service = "channels", @event = "whatsapp.inbound", url = "https://hooks.example.com/cc", eventFilters = new[] { new { key = "channelId", value = channelId } } }))
            .ShouldBe(201).Id;
        (await key.GetAsync(hooks)).ShouldBe(200).ResultIds.Should().Contain(sub);
        (await key.DeleteAsync($"{hooks}/{sub}")).ShouldBe(204);
    }

    [Fact]
    public async Task ContactCenterKey_Gets403_OutsideItsPolicy()
    {
        var connectorId = (await f.CreateConnectorAsync())["id"]!.GetValue<string>();
        var key = f.As(await f.CreateContactCenterKeyAsync());
        var hooks = $"organizations/{f.Org}/workspaces/{f.Ws}/webhook-subscriptions";
        var sub = (await f.Admin.PostAsync(hooks, new { service = "channels", @event = "channel.created", url = $"https://hooks.example.com/{Guid.NewGuid():N}" })).ShouldBe(201).Id;

        (await key.DeleteAsync($"workspaces/{f.Ws}/connectors/{connectorId}")).ShouldBeError(403, "Forbidden");
        (await key.PostAsync($"organizations/{f.Org}/iam-policies", new { name = "x", definitions = Array.Empty<object>() })).ShouldBeError(403, "Forbidden");
        (await key.GetAsync($"workspaces/{f.Ws}/connectors")).ShouldBeError(403, "Forbidden");
        (await key.GetAsync($"workspaces/{f.Ws}/channels")).ShouldBeError(403, "Forbidden", "view is granted on /workspaces/*/channels/* only");
        (await key.PatchAsync($"{hooks}/{sub}", new { status = "inactive" })).ShouldBeError(403, "Forbidden");
        (await key.GetAsync($"workspaces/{f.Ws}/webhook-subscriptions")).ShouldBeError(403, "Forbidden", "the policy names the org-prefixed path form");
        (await key.GetAsync("_emulator/calls")).ShouldBeError(403, "Forbidden");

        (await f.Admin.GetAsync($"workspaces/{f.Ws}/connectors/{connectorId}")).ShouldBe(200, "a denied delete must not delete");
    }
}
