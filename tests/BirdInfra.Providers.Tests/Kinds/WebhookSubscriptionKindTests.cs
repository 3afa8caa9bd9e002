using BirdInfra.Providers.Kinds;
using BirdInfra.Providers.Properties;
using BirdInfra.Providers.WebhookSubscription;
using static BirdInfra.Providers.Tests.Kinds.P;

namespace BirdInfra.Providers.Tests.Kinds;

public sealed class WebhookSubscriptionKindTests
{
    private readonly WebhookSubscriptionKind _kind = new();

    private static PropertyMap Inputs(string url = "https://hooks.example.com/bird", string @event = "whatsapp.inbound", params PropertyValue[] filters) => Map(
        ("service", S("channels")),
        ("event", S(@event)),
        ("url", S(url)),
        ("signingKey", S("sign-key")),
        ("eventFilters", L(filters)));

    private static PropertyValue F(string key, string value) => M(("key", S(key)), ("value", S(value)));

    [Fact]
    public void Check_DefaultsStatusSortsFiltersAndHidesTheSigningKey()
    {
        var result = _kind.Check(Inputs("https://hooks.example.com/bird", "whatsapp.outbound", F("messageStatus", "failed"), F("channelId", "5d2c0e7a-1b2c-4d3e-8f9a-0b1c2d3e4f5a"), F("messageStatus", "delivered")));

        result.IsValid.Should().BeTrue();
        result.Inputs["status"].Should().Be(S("active"));
        result.Inputs["eventFilters"].Should().Be(L(F("channelId", "5d2c0e7a-1b2c-4d3e-8f9a-0b1c2d3e4f5a"), F("messageStatus", "delivered"), F("messageStatus", "failed")));
        result.Inputs["signingKey"]!.IsSecret.Should().BeTrue();
    }

    [Fact]
    public void Check_ReportsEveryProblem()
    {
        var result = _kind.Check(Map(
            ("service", S("channels")),
            ("event", S("whatsapp.received")),
            ("url", S("http://hooks.example.com")),
            ("eventFilters", L(F("channelId", "a"), F("channelId", "b"))),
            ("status", S("paused"))));

        // A channelId filter holds a channel UUID, and a subscription takes one (validate reports both the same way).
        result.Failures.Select(f => f.Path).Should().BeEquivalentTo("event", "url", "eventFilters[0].value", "eventFilters[1]", "status");
    }

    [Fact]
    public void Check_WhenFilterKeyDoesNotFitTheEvent_Fails() =>
        _kind.Check(Inputs("https://hooks.example.com/bird", "channel.created", F("channelId", "5d2c0e7a-1b2c-4d3e-8f9a-0b1c2d3e4f5a"))).Failures.Should().ContainSingle(f => f.Path == "eventFilters[0].key");

    [Fact]
    public void Check_WhenLoopbackAllowed_AcceptsEmulatorUrls()
    {
        _kind.Check(Inputs("http://127.0.0.1:5000/hook")).IsValid.Should().BeFalse();
        new WebhookSubscriptionKind(allowHttpLoopback: true).Check(Inputs("http://127.0.0.1:5000/hook")).IsValid.Should().BeTrue();
    }

    [Fact]
    public void Check_WhenChannelIdUnknown_KeepsItForPreview()
    {
        var result = _kind.Check(Inputs(filters: M(("key", S("channelId")), ("value", PropertyValue.Unknown))));

        result.IsValid.Should().BeTrue();
        result.Inputs["eventFilters"]!.ContainsUnknown.Should().BeTrue();
    }

    [Fact]
    public void Diff_WhenUrlChanges_UpdatesInPlace()
    {
        var diff = _kind.Diff(Recorded(_kind, Inputs()), Inputs("https://hooks.example.com/v2"));

        diff.Outcome.Should().Be(DiffOutcome.Update);
        diff.Changes.Should().ContainSingle().Which.Should().Be(new PropertyDiff("url", S("https://hooks.example.com/bird"), S("https://hooks.example.com/v2"), false));
    }

    [Fact]
    public void Diff_WhenEventChanges_Replaces()
    {
        var diff = _kind.Diff(Recorded(_kind, Inputs()), Inputs(@event: "whatsapp.outbound"));

        diff.Outcome.Should().Be(DiffOutcome.Replace);
        diff.DeleteBeforeReplace.Should().BeFalse();
    }

    [Fact]
    public void Diff_WhenServiceChanges_Replaces() =>
        _kind.Diff(Recorded(_kind, Inputs(@event: "conversation.created").With("service", S("conversations"))), Inputs(@event: "conversation.created").With("service", S("numbers")))
            .Outcome.Should().Be(DiffOutcome.Replace);

    [Fact]
    public void Diff_WhenSigningKeyChanges_UpdatesWithSecretValues()
    {
        var diff = _kind.Diff(Recorded(_kind, Inputs()), Inputs().With("signingKey", S("new-key")));

        diff.Outcome.Should().Be(DiffOutcome.Update);
        var change = diff.Changes.Single();
        change.Old!.IsSecret.Should().BeTrue();
        change.New!.IsSecret.Should().BeTrue();
        change.ToString().Should().NotContain("sign-key").And.NotContain("new-key");
    }

    [Fact]
    public void Diff_WhenTheSigningKeyIsRemoved_ReplacesDeletingFirstAndSaysWhy()
    {
        // Bird's PATCH cannot clear a signing key (non-nullable string), and the new subscription has the old one's natural key.
        var diff = _kind.Diff(Recorded(_kind, Inputs()), Inputs().Without("signingKey"));

        diff.Outcome.Should().Be(DiffOutcome.Replace);
        diff.DeleteBeforeReplace.Should().BeTrue("Bird refuses a second subscription with the same service, event, url and filters");
        var change = diff.Changes.Should().ContainSingle().Which;
        change.Path.Should().Be("signingKey");
        change.ForcesReplacement.Should().BeTrue();
        change.ToString().Should().NotContain("sign-key");
        diff.Reason.Should().Contain("cannot remove a signing key").And.Contain("events in between are not delivered");
    }

    [Fact]
    public void Diff_WhenTheTemplateIsRemoved_Replaces()
    {
        var diff = _kind.Diff(Recorded(_kind, Inputs().With("template", S("text"))), Inputs());

        diff.Outcome.Should().Be(DiffOutcome.Replace);
        diff.Changes.Should().ContainSingle(c => c.Path == "template" && c.ForcesReplacement);
    }

    [Fact]
    public void Diff_WhenTheSigningKeyIsRemovedAndTheUrlChanges_ReplacesCreatingFirst() =>
        _kind.Diff(Recorded(_kind, Inputs()), Inputs("https://hooks.example.com/v2").Without("signingKey"))
            .Should().Match<DiffResult>(d => d.Outcome == DiffOutcome.Replace && !d.DeleteBeforeReplace);

    [Fact]
    public void Diff_WhenStateHasNoSigningKey_IsSame()
    {
        // `pulumi import`: Read cannot return the key (Bird never does), so state has none; the stack's key is no reason to update.
        var imported = Recorded(_kind, Inputs().Without("signingKey"));

        _kind.Diff(imported, Inputs().With("signingKey", S("key-from-the-stack"))).Should().Be(DiffResult.Same);
    }

    [Fact]
    public async Task Update_WhenTheSigningKeyIsRemoved_ThrowsInsteadOfSendingNull()
    {
        var recorded = Recorded(_kind, Inputs());

        // The context is never used: the refusal comes before any call to Bird.
        await FluentActions.Awaiting(() => _kind.UpdateAsync(null!, recorded, Inputs().Without("signingKey"), CancellationToken.None))
            .Should().ThrowAsync<InvalidOperationException>().WithMessage("*must replace it*");
    }

    [Fact]
    public void Diff_WhenTheSigningKeyIsNotKnown_IsSame()
    {
        // An imported or adopted subscription: Bird never returns the signing key, so state holds it as unknown.
        var recorded = Recorded(_kind, Inputs());
        var imported = recorded with { Inputs = recorded.Inputs.With("signingKey", PropertyValue.Secret(PropertyValue.Unknown)) };

        _kind.Diff(imported, Inputs().With("signingKey", S("key-from-the-stack"))).Should().Be(DiffResult.Same);
    }

    [Fact]
    public void Diff_WhenFiltersReordered_IsSame() =>
        _kind.Diff(
                Recorded(_kind, Inputs(@event: "whatsapp.outbound", filters: [F("channelId", "5d2c0e7a-1b2c-4d3e-8f9a-0b1c2d3e4f5a"), F("messageStatus", "x")])),
                Inputs(@event: "whatsapp.outbound", filters: [F("messageStatus", "x"), F("channelId", "5d2c0e7a-1b2c-4d3e-8f9a-0b1c2d3e4f5a"), F("channelId", "5d2c0e7a-1b2c-4d3e-8f9a-0b1c2d3e4f5a")]))
            .Should().Be(DiffResult.Same);

    [Fact]
    public void Diff_WhenStatusGivenAsDefault_IsSame() =>
        _kind.Diff(Recorded(_kind, Inputs()), Inputs().With("status", S("active"))).Should().Be(DiffResult.Same);

    [Fact]
    public void Diff_WhenStatusAndTemplateChange_UpdatesBoth()
    {
        var diff = _kind.Diff(Recorded(_kind, Inputs()), Inputs().With("status", S("inactive")).With("template", S("text")));

        diff.Outcome.Should().Be(DiffOutcome.Update);
        diff.Changes.Select(c => c.Path).Should().Equal("status", "template");
    }

    [Fact]
    public void NaturalKey_IncludesSortedFilters() =>
        _kind.NaturalKey(Inputs(filters: [F("messageStatus", "x"), F("channelId", "5d2c0e7a-1b2c-4d3e-8f9a-0b1c2d3e4f5a")]))
            .Should().Be("WebhookSubscription:channels:whatsapp.inbound:https://hooks.example.com/bird:channelId=5d2c0e7a-1b2c-4d3e-8f9a-0b1c2d3e4f5a,messageStatus=x");

    [Fact]
    public void MergeLive_KeepsTheSigningKeyFromState()
    {
        var known = Recorded(_kind, Inputs());
        var liveInputs = known.Inputs.Without("signingKey");

        var merged = _kind.MergeLive(known, new ResourceSnapshot("id-1", liveInputs, liveInputs));

        merged.Inputs["signingKey"]!.RevealString().Should().Be("sign-key");
        _kind.Diff(merged, Inputs()).Should().Be(DiffResult.Same);
    }

    [Fact]
    public void Spec_ToStringHidesTheSigningKey() =>
        WebhookSubscriptionSpec.FromInputs(_kind.Check(Inputs()).Inputs).ToString().Should().NotContain("sign-key");
}
