using System.Text;
using System.Text.Json.Nodes;
using BirdInfra.Emulator.Tests.Support;

namespace BirdInfra.Emulator.Tests.Webhooks;

/// <summary>channel.created reaches a loopback listener, signed per the fact sheet; retries keep the timestamp; other hosts are skipped.</summary>
public sealed class DeliveryTests(EmulatorFixture f) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private WebhookReceiver _receiver = null!;

    private string Hooks => $"organizations/{f.Org}/workspaces/{f.Ws}/webhook-subscriptions";

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task ChannelCreated_IsDeliveredWithAValidSignature()
    {
        const string signingKey = "KeV+/HGoIQrxuE5YPCRR6AuQOJveldYNNhbVi1i22qk=";
        var url = _receiver.Url($"/bird/{Guid.NewGuid():N}?tenant=acme");
        (await f.Admin.PostAsync(Hooks, new { service = "channels", @event = "channel.created", url, signingKey })).ShouldBe(201);
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        var connectorId = (await f.CreateConnectorAsync())["id"]!.GetValue<string>();
        var channelId = await f.WaitForChannelAsync(connectorId);
        var hook = await Eventually.UntilAsync(
            () => Task.FromResult(_receiver.Received.FirstOrDefault(r => Encoding.UTF8.GetString(r.Body).Contains(channelId))),
            TimeSpan.FromSeconds(10),
            "the channel.created delivery");

        BirdSignatureVerifier.Verify(signingKey, hook.Header("messagebird-signature"), hook.Header("messagebird-request-timestamp"), url, hook.Body)
            .Should().BeTrue("the signature must follow fact sheet §4.4");
        BirdSignatureVerifier.Verify("wrong-key", hook.Header("messagebird-signature"), hook.Header("messagebird-request-timestamp"), url, hook.Body)
            .Should().BeFalse();
        // wall-clock-ok: Bird's timestamp between two clock readings taken before and after the delivery: a bracket, not a limit.
        long.Parse(hook.Header("messagebird-request-timestamp")).Should().BeInRange(before - 1, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1, "Unix seconds");
        Guid.TryParse(hook.Header("messagebird-request-id"), out _).Should().BeTrue();
        hook.PathAndQuery.Should().Be(new Uri(url).PathAndQuery);

        var envelope = JsonNode.Parse(hook.Body)!;
        envelope["service"]!.GetValue<string>().Should().Be("channels");
        envelope["event"]!.GetValue<string>().Should().Be("channel.created");
        envelope["payload"]!["id"]!.GetValue<string>().Should().Be(channelId);
        envelope["payload"]!["connectorId"]!.GetValue<string>().Should().Be(connectorId);
        envelope["payload"]!["status"]!.GetValue<string>().Should().Be("pending", "a channel is created pending and activated later (channel.updated)");

        // The receiver saw the request before it answered; the emulator marks the delivery once it has read the answer.
        var delivered = await Eventually.UntilAsync(
            async () => (await f.Admin.GetAsync("_emulator/deliveries")).Results
                .FirstOrDefault(d => d["requestId"]!.GetValue<string>() == hook.Header("messagebird-request-id") && d["state"]!.GetValue<string>() == "delivered"),
            TimeSpan.FromSeconds(10),
            "the delivery recorded as delivered");
        delivered["signed"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public async Task NonSuccess_IsRetriedWithBackoff_KeepingTheOriginalTimestamp()
    {
        var url = _receiver.Url($"/retry/{Guid.NewGuid():N}");
        (await f.Admin.PostAsync(Hooks, new { service = "channels", @event = "channel.created", url, signingKey = "k" })).ShouldBe(201);
        _receiver.RespondWith(500, 503);

        var channelId = await f.CreateChannelAsync();
        var attempts = await Eventually.UntilAsync(
            () =>
            {
                var got = _receiver.Received.Where(r => r.PathAndQuery.StartsWith(new Uri(url).AbsolutePath) && Encoding.UTF8.GetString(r.Body).Contains(channelId)).ToList();
                return Task.FromResult(got.Count >= 3 ? got : null);
            },
            TimeSpan.FromSeconds(10),
            "three delivery attempts");

        attempts.Select(a => a.Header("messagebird-request-timestamp")).Distinct().Should().ContainSingle();
        attempts.Select(a => a.Header("messagebird-request-id")).Distinct().Should().ContainSingle();
        attempts.Should().OnlyContain(a => BirdSignatureVerifier.Verify("k", a.Header("messagebird-signature"), a.Header("messagebird-request-timestamp"), url, a.Body));
        var record = await Eventually.UntilAsync(
            async () => (await f.Admin.GetAsync("_emulator/deliveries")).Results
                .FirstOrDefault(d => d["url"]!.GetValue<string>() == url && d["state"]!.GetValue<string>() == "delivered"),
            TimeSpan.FromSeconds(5),
            "the delivered log entry");
        record["attempts"]!.AsArray().Select(a => a!["statusCode"]!.GetValue<int>()).Should().Equal(500, 503, 200);
    }

    [Fact]
    public async Task NonLoopbackHost_IsSkipped_NeverContacted()
    {
        var url = $"https://hooks.example.com/{Guid.NewGuid():N}";
        var sub = (await f.Admin.PostAsync(Hooks, new { service = "channels", @event = "channel.created", url, signingKey = "k" })).ShouldBe(201).Id;

        await f.CreateChannelAsync();

        var record = await Eventually.UntilAsync(
            async () => (await f.Admin.GetAsync("_emulator/deliveries")).Results.FirstOrDefault(d => d["subscriptionId"]!.GetValue<string>() == sub),
            TimeSpan.FromSeconds(5),
            "the skipped delivery");
        record["state"]!.GetValue<string>().Should().Be("skipped");
        record["attempts"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task FiltersAndInactiveSubscriptions_AreRespected()
    {
        var matching = _receiver.Url($"/match/{Guid.NewGuid():N}");
        var otherPlatform = _receiver.Url($"/sms/{Guid.NewGuid():N}");
        var inactive = _receiver.Url($"/off/{Guid.NewGuid():N}");
        (await f.Admin.PostAsync(Hooks, new { service = "channels", @event = "channel.created", url = matching, eventFilters = new[] { new { key = "platformId", value = "whatsapp" } } })).ShouldBe(201);
        (await f.Admin.PostAsync(Hooks, new { service = "channels", @event = "channel.created", url = otherPlatform, eventFilters = new[] { new { key = "platformId", value = "sms" } } })).ShouldBe(201);
        var off = (await f.Admin.PostAsync(Hooks, new { service = "channels", @event = "channel.created", url = inactive })).ShouldBe(201).Id;
        (await f.Admin.PatchAsync($"{Hooks}/{off}", new { status = "inactive" })).ShouldBe(200);

        await f.CreateChannelAsync();

        // The emulator logs every delivery of an event at once, before sending any: the snapshot that holds the
        // matching subscription's delivery holds every delivery channel.created got, so the two that must not get
        // one are checked at a well-defined moment.
        var deliveries = await Eventually.UntilAsync(
            async () =>
            {
                var all = (await f.Admin.GetAsync("_emulator/deliveries")).Results;
                return all.Any(d => d["url"]!.GetValue<string>() == matching) ? all : null;
            },
            TimeSpan.FromSeconds(10),
            "the filtered delivery in the delivery log");
        deliveries.Should().NotContain(d => d["url"]!.GetValue<string>() == otherPlatform, "its filter asks for another platform");
        deliveries.Should().NotContain(d => d["url"]!.GetValue<string>() == inactive, "it is inactive");
        var unsigned = await Eventually.UntilAsync(
            () => Task.FromResult(_receiver.Received.FirstOrDefault(r => r.PathAndQuery == new Uri(matching).PathAndQuery)),
            TimeSpan.FromSeconds(10),
            "the filtered delivery");
        unsigned.Headers.Should().NotContainKey("messagebird-signature", "a subscription without signingKey is sent unsigned");
    }
}
