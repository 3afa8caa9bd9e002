using BirdInfra.Emulator.Tests.Support;

namespace BirdInfra.Emulator.Tests.Webhooks;

public sealed class SubscriptionTests(EmulatorFixture f) : IClassFixture<EmulatorFixture>
{
    private string OrgPath => $"organizations/{f.Org}/workspaces/{f.Ws}/webhook-subscriptions";

    private string ShortPath => $"workspaces/{f.Ws}/webhook-subscriptions";

    private static string NewUrl() => $"https://hooks.example.com/{Guid.NewGuid():N}";

    [Fact]
    public async Task Create_OnBothPathForms_ReturnsSigningKeyOnlyOnCreate()
    {
        var created = (await f.Admin.PostAsync(OrgPath, new { service = "channels", @event = "channel.created", url = NewUrl(), signingKey = "c2VjcmV0LWtleQ==", eventFilters = Array.Empty<object>() }))
            .ShouldBe(201).Body;
        created["signingKey"]!.GetValue<string>().Should().Be("c2VjcmV0LWtleQ==");
        created["status"]!.GetValue<string>().Should().Be("active");
        created["organizationId"]!.GetValue<string>().Should().Be(f.Org);
        created["workspaceId"]!.GetValue<string>().Should().Be(f.Ws);
        var id = created["id"]!.GetValue<string>();

        var viaShort = (await f.Admin.GetAsync($"{ShortPath}/{id}")).ShouldBe(200);
        viaShort.Body["signingKey"].Should().BeNull();
        viaShort.Text.Should().NotContain("c2VjcmV0LWtleQ==");
        (await f.Admin.GetAsync($"{OrgPath}/{id}")).ShouldBe(200);

        var other = (await f.Admin.PostAsync(ShortPath, new { service = "channels", @event = "whatsapp.inbound", url = NewUrl() })).ShouldBe(201).Id;
        (await f.Admin.GetAsync($"{OrgPath}?limit=100")).ResultIds.Should().Contain([id, other]);
        (await f.Admin.GetAsync($"{OrgPath}?limit=100")).Text.Should().NotContain("c2VjcmV0LWtleQ==");
    }

    [Fact]
    public async Task List_FiltersBySearchFilter()
    {
        var inbound = (await f.Admin.PostAsync(OrgPath, new { service = "channels", @event = "whatsapp.interaction", url = NewUrl() })).ShouldBe(201).Id;
        var inactive = (await f.Admin.PostAsync(OrgPath, new { service = "channels", @event = "whatsapp.interaction", url = NewUrl() })).ShouldBe(201).Id;
        (await f.Admin.PatchAsync($"{OrgPath}/{inactive}", new { status = "inactive" })).ShouldBe(200);

        var byEvent = (await f.Admin.GetAsync($"{OrgPath}?SearchFilter[service]=channels&SearchFilter[event]=whatsapp.interaction&limit=100")).ShouldBe(200);
        byEvent.ResultIds.Should().Contain([inbound, inactive]);
        byEvent.Results.Should().OnlyContain(r => r["event"]!.GetValue<string>() == "whatsapp.interaction");
        var active = (await f.Admin.GetAsync($"{ShortPath}?SearchFilter[event]=whatsapp.interaction&SearchFilter[status]=active&limit=100")).ShouldBe(200);
        active.ResultIds.Should().Contain(inbound).And.NotContain(inactive);
        (await f.Admin.GetAsync($"{OrgPath}?SearchFilter[service]=payments")).Results.Should().BeEmpty();
    }

    [Fact]
    public async Task Patch_UpdatesAllowedFields_RejectsServiceEventAndEmptyBody()
    {
        var id = (await f.Admin.PostAsync(OrgPath, new { service = "channels", @event = "whatsapp.outbound", url = NewUrl() })).ShouldBe(201).Id;
        var newUrl = "https://hooks.example.com:8443/moved";

        var patched = (await f.Admin.PatchAsync($"{OrgPath}/{id}", new
        {
            url = newUrl,
            status = "inactive",
            template = "text",
            signingKey = "new-key",
            eventFilters = new[] { new { key = "messageStatus", value = "delivered" } },
        })).ShouldBe(200).Body;

        patched["url"]!.GetValue<string>().Should().Be(newUrl, "the update pattern allows a port");
        patched["status"]!.GetValue<string>().Should().Be("inactive");
        patched["template"]!.GetValue<string>().Should().Be("text");
        patched["eventFilters"]![0]!["key"]!.GetValue<string>().Should().Be("messageStatus");
        patched["signingKey"].Should().BeNull();
        (await f.Admin.PatchAsync($"{OrgPath}/{id}", new { service = "numbers" })).ShouldBeError(422, "InvalidPayload");
        (await f.Admin.PatchAsync($"{OrgPath}/{id}", new { @event = "whatsapp.inbound" })).ShouldBeError(422, "InvalidPayload");
        (await f.Admin.PatchAsync($"{OrgPath}/{id}", new { })).ShouldBeError(422, "InvalidPayload");
        (await f.Admin.PatchAsync($"{OrgPath}/{id}", new { status = "paused" })).ShouldBeError(422, "InvalidPayload");
        (await f.Admin.PatchAsync($"{OrgPath}/{Guid.NewGuid()}", new { status = "active" })).ShouldBeError(404, "NotFound");
    }

    [Theory]
    [InlineData("signingKey")]
    [InlineData("template")]
    [InlineData("url")]
    [InlineData("status")]
    public async Task Patch_WithNull_Is422AsBirdsNonNullableSchema_AndChangesNothing(string field)
    {
        var id = (await f.Admin.PostAsync(OrgPath, new { service = "channels", @event = "whatsapp.outbound", url = NewUrl(), signingKey = "kept-key", template = "text" })).ShouldBe(201).Id;

        var rejected = (await f.Admin.PatchAsync($"{OrgPath}/{id}", $$"""{ "{{field}}": null }""")).ShouldBeError(422, "InvalidPayload");

        rejected.Body["details"]![$".{field}"]![0]!.GetValue<string>().Should().Be("must not be null");
        (await f.Admin.GetAsync($"{OrgPath}/{id}")).ShouldBe(200).Body["template"]!.GetValue<string>().Should().Be("text");
    }

    [Fact]
    public async Task Delete_Returns204_ThenGetIs404()
    {
        var id = (await f.Admin.PostAsync(ShortPath, new { service = "channels", @event = "sms.inbound", url = NewUrl() })).ShouldBe(201).Id;
        (await f.Admin.DeleteAsync($"{OrgPath}/{id}")).ShouldBe(204);
        (await f.Admin.GetAsync($"{ShortPath}/{id}")).ShouldBeError(404, "NotFound");
        (await f.Admin.DeleteAsync($"{ShortPath}/{id}")).ShouldBeError(404, "NotFound");
    }

    [Fact]
    public async Task Create_Invalid_Is422WithPaths()
    {
        var details = (await f.Admin.PostAsync(OrgPath, new { service = "pigeons", url = "ftp://x", extra = 1 })).ShouldBeError(422, "InvalidPayload").Body["details"]!.AsObject();
        details.Select(d => d.Key).Should().Contain([".", ".service", ".event", ".url"]);
        (await f.Admin.PostAsync(OrgPath, new { service = "channels", @event = "whatsapp.inbound", url = NewUrl(), eventFilters = new[] { new { key = "platformId", value = "x" } } }))
            .ShouldBeError(422, "InvalidPayload").Body["details"]![".eventFilters[0].key"].Should().NotBeNull();
    }

    [Fact]
    public async Task Duplicate_Is409_AndSixthWithSameFilters_Is422()
    {
        var channel = Guid.NewGuid().ToString();
        object Sub(string url) => new { service = "channels", @event = "whatsapp.inbound", url, eventFilters = new[] { new { key = "channelId", value = channel } } };
        var first = NewUrl();
        (await f.Admin.PostAsync(OrgPath, Sub(first))).ShouldBe(201);
        (await f.Admin.PostAsync(OrgPath, Sub(first))).ShouldBeError(409, "Conflict");
        for (var i = 0; i < 4; i++)
        {
            (await f.Admin.PostAsync(OrgPath, Sub(NewUrl()))).ShouldBe(201);
        }

        (await f.Admin.PostAsync(OrgPath, Sub(NewUrl()))).ShouldBeError(422, "InvalidPayload");
        (await f.Admin.PostAsync(OrgPath, new { service = "channels", @event = "whatsapp.outbound", url = NewUrl(), eventFilters = new[] { new { key = "channelId", value = channel } } }))
            .ShouldBe(201, "a different event is a different combination");
    }
}
