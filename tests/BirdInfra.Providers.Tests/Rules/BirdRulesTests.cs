using BirdInfra.Providers.Rules;

namespace BirdInfra.Providers.Tests.Rules;

public sealed class BirdRulesTests
{
    [Theory]
    [InlineData("contact-center")]
    [InlineData("ACME WhatsApp +31612345678")]
    [InlineData("x")]
    public void Name_WhenValid_ReturnsNull(string value) => BirdRules.Name(value).Should().BeNull();

    [Theory]
    [InlineData("")]
    [InlineData("line\nbreak")]
    [InlineData("tab\there")]
    public void Name_WhenEmptyOrControlCharacters_Violates(string value)
    {
        var violation = BirdRules.Name(value);
        violation.Should().NotBeNull();
        violation!.Hint.Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Name_WhenLongerThan256_Violates()
    {
        BirdRules.Name(new string('a', 256)).Should().BeNull();
        BirdRules.Name(new string('a', 257))!.Message.Should().Contain("257");
    }

    [Fact]
    public void Description_FollowsTheNameRules()
    {
        BirdRules.Description("Contact center sender").Should().BeNull();
        BirdRules.Description("").Should().NotBeNull();
        BirdRules.Description(new string('d', 257)).Should().NotBeNull();
        BirdRules.Description("a\u0007b")!.Message.Should().Contain("\\u0007");
    }

    [Theory]
    [InlineData("allow", true)]
    [InlineData("deny", true)]
    [InlineData("Allow", false)]
    [InlineData("permit", false)]
    [InlineData("", false)]
    public void PolicyEffect_AcceptsAllowAndDenyOnly(string value, bool valid) =>
        (BirdRules.PolicyEffect(value) is null).Should().Be(valid);

    [Theory]
    [InlineData("any", true)]
    [InlineData("create", true)]
    [InlineData("view", true)]
    [InlineData("update", true)]
    [InlineData("delete", true)]
    [InlineData("read", false)]
    [InlineData("CREATE", false)]
    public void PolicyAction_AcceptsTheFiveActions(string value, bool valid) =>
        (BirdRules.PolicyAction(value) is null).Should().Be(valid);

    [Theory]
    [InlineData("/workspaces/*/channels/*/messages")]
    [InlineData("/workspaces/*/verify")]
    [InlineData("/organizations/6f0c2a1e-0000-4000-8000-000000000001/workspaces/*/webhook-subscriptions/*")]
    [InlineData("/workspaces/*/channels/**")]
    [InlineData("/**")]
    [InlineData("/a.b_c~d:e@f-g")]
    public void ResourcePath_WhenValid_ReturnsNull(string value) => BirdRules.ResourcePath(value).Should().BeNull();

    [Theory]
    [InlineData("", "empty")]
    [InlineData("workspaces/*", "start with '/'")]
    [InlineData("/workspaces//channels", "empty segment")]
    [InlineData("/workspaces/", "empty segment")]
    [InlineData("/workspaces/**/channels", "'**'")]
    [InlineData("/workspaces?x=1", "query")]
    [InlineData("/work spaces", "whitespace")]
    [InlineData("/workspaces/{workspaceId}/channels", "invalid segment")]
    [InlineData("/workspaces/a*b", "invalid segment")]
    [InlineData("/workspaces/***", "invalid segment")]
    public void ResourcePath_WhenInvalid_SaysWhy(string value, string reason) =>
        BirdRules.ResourcePath(value)!.Message.Should().Contain(reason);

    [Fact]
    public void ResourcePath_WhenLongerThan1024_Violates()
    {
        BirdRules.ResourcePath("/" + new string('a', 1023)).Should().BeNull();
        BirdRules.ResourcePath("/" + new string('a', 1024)).Should().NotBeNull();
    }

    [Theory]
    [InlineData("+31612345678", true)]
    [InlineData("+1234567", true)]
    [InlineData("+123456789012345", true)]
    [InlineData("+1234567890123456", false)]
    [InlineData("+123456", false)]
    [InlineData("31612345678", false)]
    [InlineData("+0612345678", false)]
    [InlineData("+31 612345678", false)]
    [InlineData("", false)]
    public void PhoneNumber_RequiresE164(string value, bool valid) =>
        (BirdRules.PhoneNumber(value) is null).Should().Be(valid);

    [Theory]
    [InlineData("whatsapp:1", true)]
    [InlineData("whatsapp:2", false)]
    [InlineData("sms-messagebird:1", false)]
    public void ConnectorTemplate_SupportsWhatsappOne(string value, bool valid) =>
        (BirdRules.ConnectorTemplate(value) is null).Should().Be(valid);

    [Theory]
    [InlineData("https://hooks.example.com/bird", false, true)]
    [InlineData("https://hooks.example.com", false, true)]
    [InlineData("https://a-b.example.co.uk/x/y?z=1", false, true)]
    [InlineData("http://hooks.example.com/bird", false, false)]
    [InlineData("https://hooks.example.com:8443/bird", false, false)]
    [InlineData("https://127.0.0.1/bird", false, false)]
    [InlineData("https://localhost/bird", false, false)]
    [InlineData("https://hooks.example.com/with space", false, false)]
    [InlineData("http://127.0.0.1:8080/hook", false, false)]
    [InlineData("http://127.0.0.1:8080/hook", true, true)]
    [InlineData("http://localhost:5005/", true, true)]
    [InlineData("http://localhost:5005", true, true)]
    [InlineData("http://localhost/hook", true, false)]
    [InlineData("http://example.com:80/hook", true, false)]
    [InlineData("", true, false)]
    public void WebhookUrl_FollowsBirdsCreatePattern(string value, bool allowHttpLoopback, bool valid) =>
        (BirdRules.WebhookUrl(value, allowHttpLoopback) is null).Should().Be(valid);

    [Fact]
    public void WebhookUrl_WhenHttp_SaysItIsNotHttps() =>
        BirdRules.WebhookUrl("http://hooks.example.com/bird", false)!.Message.Should().Contain("not https");

    [Fact]
    public void WebhookUrl_WhenLongerThan2048_Violates() =>
        BirdRules.WebhookUrl("https://hooks.example.com/" + new string('a', 2048), false)!.Message.Should().Contain("2048");

    [Theory]
    [InlineData("channels", true)]
    [InlineData("numbers", true)]
    [InlineData("payments", true)]
    [InlineData("conversations", true)]
    [InlineData("channel", false)]
    [InlineData("Channels", false)]
    public void WebhookService_AcceptsTheFourServices(string value, bool valid) =>
        (BirdRules.WebhookService(value) is null).Should().Be(valid);

    [Theory]
    [InlineData("channels", "whatsapp.inbound", true)]
    [InlineData("channels", "whatsapp.outbound", true)]
    [InlineData("channels", "whatsapp.interaction", true)]
    [InlineData("channels", "sms.inbound", true)]
    [InlineData("channels", "telegram.outbound", true)]
    [InlineData("channels", "channel.created", true)]
    [InlineData("channels", "channel.updated", true)]
    [InlineData("channels", "voice.inbound", true)]
    [InlineData("channels", "whatsapp.received", false)]
    [InlineData("channels", "pigeon.inbound", false)]
    [InlineData("channels", "channel.deleted", false)]
    [InlineData("channels", "whatsapp", false)]
    [InlineData("conversations", "conversation.created", true)]
    [InlineData("numbers", "number.compliance.updated", true)]
    [InlineData("numbers", "Not An Event", false)]
    [InlineData("mail", "whatsapp.inbound", false)]
    public void WebhookEvent_UsesTheCatalogueForChannels(string service, string eventName, bool valid) =>
        (BirdRules.WebhookEvent(service, eventName) is null).Should().Be(valid);

    [Theory]
    [InlineData("whatsapp.inbound", "channelId", true)]
    [InlineData("whatsapp.inbound", "messageStatus", false)]
    [InlineData("whatsapp.outbound", "channelId", true)]
    [InlineData("whatsapp.outbound", "messageStatus", true)]
    [InlineData("whatsapp.outbound", "interactionType", false)]
    [InlineData("whatsapp.interaction", "interactionType", true)]
    [InlineData("whatsapp.interaction", "channelId", true)]
    [InlineData("channel.created", "platformId", true)]
    [InlineData("channel.updated", "channelStatus", true)]
    [InlineData("channel.created", "channelId", false)]
    [InlineData("conversation.created", "anything", true)]
    public void EventFilterKey_FollowsTheEventCatalogue(string eventName, string key, bool valid) =>
        (BirdRules.EventFilterKey(eventName, key) is null).Should().Be(valid);

    [Fact]
    public void EventFilterKey_WhenInvalid_HintListsTheAllowedKeys() =>
        BirdRules.EventFilterKey("whatsapp.outbound", "status")!.Hint.Should().Contain("channelId").And.Contain("messageStatus");

    [Theory]
    [InlineData("3f2504e0-4f89-41d3-9a0c-0305e82c3301", true)]
    [InlineData("3F2504E0-4F89-41D3-9A0C-0305E82C3301", true)]
    [InlineData("3f2504e04f8941d39a0c0305e82c3301", false)]
    [InlineData("not-a-uuid", false)]
    [InlineData("", false)]
    public void Uuid_AcceptsTheHyphenatedForm(string value, bool valid) =>
        (BirdRules.Uuid(value) is null).Should().Be(valid);
}
