using BirdInfra.Emulator.Tests.Support;

namespace BirdInfra.Emulator.Tests.Webhooks;

/// <summary>With a narrower catalogue the emulator lists only those events and keys, and subscriptions accept only them.</summary>
public sealed class NarrowCatalogueTests(NarrowCatalogueEmulatorFixture f) : IClassFixture<NarrowCatalogueEmulatorFixture>
{
    private string Hooks => $"organizations/{f.Org}/workspaces/{f.Ws}/webhook-subscriptions";

    [Fact]
    public async Task AvailableWebhooks_ListsOnlyTheNarrowedEvents()
    {
        var events = (await f.Admin.GetAsync($"workspaces/{f.Ws}/available-webhooks?service=channels")).ShouldBe(200).Results.Single()["events"]!.AsArray();

        events.Select(e => e!["name"]!.GetValue<string>()).Should().Equal("whatsapp.inbound", "channel.created");
        events[1]!["filterKeys"]!.AsArray().Select(k => k!.GetValue<string>()).Should().Equal("platformId");
    }

    [Fact]
    public async Task Subscriptions_AcceptOnlyWhatTheCatalogueOffers()
    {
        (await f.Admin.PostAsync(Hooks, new { service = "channels", @event = "whatsapp.outbound", url = "https://hooks.example.com/a" })).ShouldBeError(422, "InvalidPayload");
        (await f.Admin.PostAsync(Hooks, new
        {
            service = "channels",
            @event = "channel.created",
            url = "https://hooks.example.com/b",
            eventFilters = new[] { new { key = "channelStatus", value = "active" } },
        })).ShouldBeError(422, "InvalidPayload");
        (await f.Admin.PostAsync(Hooks, new { service = "channels", @event = "whatsapp.inbound", url = "https://hooks.example.com/c" })).ShouldBe(201);
    }
}
