using BirdInfra.Providers.Diagnostics;
using BirdInfra.Providers.StackFiles;
using BirdInfra.Stacks;

namespace BirdInfra.Tests.Stacks;

/// <summary>
/// The sections' rules across declarations (one connector per number, no identical subscriptions, at most five per
/// filter set), as <c>validate</c> prints them, and the values they leave out because their problem is reported already.
/// </summary>
public sealed class CrossRuleTests
{
    private const string Connector = """
        target:
          endpoint: emulator
        connectors:
          main-number:
            wabaId: "102290129340398"
            phoneId: "106540352242922"
            phoneNumber: "+31612345678"
            accessToken: { generate: true }

        """;

    [Fact]
    public void Load_TwoConnectorsForOneNumber_ReportsTheSecondAtItsNumber()
    {
        const string yaml = Connector + """
              second:
                wabaId: "1"
                phoneId: "2"
                phoneNumber: "+31612345678"
                accessToken: { generate: true }
            """;

        Errors(yaml).Should().Equal(
            "stacks/test.yaml:12:18: error BI033: Another connector already installs +31612345678 (line 7). (at connectors.second.phoneNumber)\n"
            + "  hint: Bird allows one WhatsApp connector per number in a workspace: remove one of the two.");
    }

    [Fact]
    public void Load_TwoConnectorsForOneNumberThatIsNotE164_ReportsOnlyTheNumber()
    {
        const string yaml = """
            target:
              endpoint: emulator
            connectors:
              first:
                wabaId: "1"
                phoneId: "2"
                phoneNumber: "0612345678"
                accessToken: { generate: true }
              second:
                wabaId: "3"
                phoneId: "4"
                phoneNumber: "0612345678"
                accessToken: { generate: true }
            """;

        Codes(yaml).Should().Equal(
            (DiagnosticCodes.InvalidPhoneNumber, "connectors.first.phoneNumber"),
            (DiagnosticCodes.InvalidPhoneNumber, "connectors.second.phoneNumber"));
    }

    [Fact]
    public void Load_TwoConnectorsForOneNumberWithAnotherProblem_StillReportsTheNumber()
    {
        const string yaml = Connector + """
              second:
                wabaId: "not-a-number"
                phoneId: "2"
                phoneNumber: "+31612345678"
                accessToken: { generate: true }
            """;

        Codes(yaml).Select(c => c.Code).Should().Equal(DiagnosticCodes.InvalidMetaId, DiagnosticCodes.DuplicatePhoneNumber);
    }

    [Fact]
    public void Load_TwoIdenticalSubscriptions_ReportsTheSecondAtItsName()
    {
        var yaml = Connector + "webhookSubscriptions:\n" + Subscription("inbound", "https://cc.example.com/bird") + Subscription("inbound-again", "https://cc.example.com/bird");

        Errors(yaml).Should().Equal(
            "stacks/test.yaml:15:3: error BI034: Subscription 'inbound-again' repeats another one (line 10): same service, event, url and filters. (at webhookSubscriptions.inbound-again)\n"
            + "  hint: Bird rejects identical subscriptions: remove one of the two.");
    }

    [Fact]
    public void Load_SixSubscriptionsWithOneFilterSet_ReportsTheSixth()
    {
        var yaml = Connector + "webhookSubscriptions:\n" + string.Concat(Enumerable.Range(1, 6).Select(i => Subscription($"in-{i}", $"https://cc{i}.example.com/bird")));

        Errors(yaml).Should().Equal(
            "stacks/test.yaml:35:3: error BI086: This is subscription number 6 for channels whatsapp.inbound with the same filters; Bird allows 5. (at webhookSubscriptions.in-6)\n"
            + "  hint: Fan out to more URLs from one of your endpoints, or filter the subscriptions differently.");
    }

    [Fact]
    public void Load_SixSubscriptionsOneOfThemADuplicate_ReportsTheDuplicateOnly()
    {
        var yaml = Connector + "webhookSubscriptions:\n"
            + string.Concat(Enumerable.Range(1, 5).Select(i => Subscription($"in-{i}", $"https://cc{i}.example.com/bird")))
            + Subscription("in-again", "https://cc1.example.com/bird");

        Codes(yaml).Should().Equal((DiagnosticCodes.DuplicateSubscription, "webhookSubscriptions.in-again"));
    }

    [Fact]
    public void Load_SubscriptionsThatDifferOnlyInFilters_AreNotDuplicates()
    {
        var yaml = Connector + "webhookSubscriptions:\n"
            + Subscription("delivered", "https://cc.example.com/bird", "eventFilters: [{ key: messageStatus, value: delivered }]", "whatsapp.outbound")
            + Subscription("read", "https://cc.example.com/bird", "eventFilters: [{ key: messageStatus, value: read }]", "whatsapp.outbound");

        Codes(yaml).Should().BeEmpty();
    }

    [Fact]
    public void Load_SubscriptionsWithTheSameFiltersInAnotherOrder_AreDuplicates()
    {
        var yaml = Connector + "webhookSubscriptions:\n"
            + Subscription("outbound", "https://cc.example.com/bird", "eventFilters: [{ key: messageStatus, value: read }, { key: messageStatus, value: delivered }]", "whatsapp.outbound")
            + Subscription("outbound-again", "https://cc.example.com/bird", "eventFilters: [{ key: messageStatus, value: delivered }, { key: messageStatus, value: read }]", "whatsapp.outbound");

        Codes(yaml).Should().Equal((DiagnosticCodes.DuplicateSubscription, "webhookSubscriptions.outbound-again"));
    }

    [Theory]
    [InlineData("eventFilters: messageStatus")]
    [InlineData("eventFilters: [messageStatus]")]
    [InlineData("eventFilters: [{ key: messageStatus }]")]
    public void Load_IdenticalSubscriptionsWithUnreadableFilters_ReportOnlyTheFilters(string filters)
    {
        var yaml = Connector + "webhookSubscriptions:\n"
            + Subscription("outbound", "https://cc.example.com/bird", filters, "whatsapp.outbound")
            + Subscription("outbound-again", "https://cc.example.com/bird", filters, "whatsapp.outbound");

        Codes(yaml).Select(c => c.Code).Should().NotContain(DiagnosticCodes.DuplicateSubscription).And.HaveCount(2);
    }

    [Fact]
    public void Load_IdenticalSubscriptionsWithAnUnknownEvent_ReportOnlyTheEvent()
    {
        var yaml = Connector + "webhookSubscriptions:\n"
            + Subscription("inbound", "https://cc.example.com/bird", eventName: "whatsapp.inbund")
            + Subscription("inbound-again", "https://cc.example.com/bird", eventName: "whatsapp.inbund");

        Codes(yaml).Select(c => c.Code).Should().Equal(DiagnosticCodes.UnknownWebhookEvent, DiagnosticCodes.UnknownWebhookEvent);
    }

    [Fact]
    public void Load_IdenticalSubscriptionsOneWithAnInvalidStatus_ReportsOnlyTheStatus()
    {
        var yaml = Connector + "webhookSubscriptions:\n"
            + Subscription("inbound", "https://cc.example.com/bird")
            + Subscription("inbound-again", "https://cc.example.com/bird", "status: paused");

        Codes(yaml).Should().Equal((DiagnosticCodes.InvalidStatus, "webhookSubscriptions.inbound-again.status"));
    }

    private static string Subscription(string name, string url, string? extra = null, string eventName = "whatsapp.inbound") =>
        $"  {name}:\n    event: {eventName}\n    url: {url}\n    channel: main-number\n    signingKey: {{ generate: true }}\n"
        + (extra is null ? string.Empty : $"    {extra}\n");

    private static List<string> Errors(string yaml) =>
        Load(yaml).Diagnostics.Where(d => d.IsError).Select(d => d.ToString().Replace(Environment.NewLine, "\n", StringComparison.Ordinal)).ToList();

    private static List<(string Code, string Path)> Codes(string yaml) =>
        Load(yaml).Diagnostics.Where(d => d.IsError).Select(d => (d.Code, d.YamlPath)).ToList();

    private static StackLoadResult Load(string yaml) =>
        StackLoader.Load(System.Text.Encoding.UTF8.GetBytes(yaml), "stacks/test.yaml", TestEnvironments.Empty());
}
