using System.Collections.Immutable;
using BirdInfra.Graph;
using BirdInfra.Guards;
using BirdInfra.Planning;
using BirdInfra.Providers.Diagnostics;
using BirdInfra.Providers.Expressions;
using BirdInfra.Providers.Kinds;
using BirdInfra.Providers.Properties;
using BirdInfra.Providers.StackFiles;
using BirdInfra.Rendering;
using BirdInfra.Stacks.Model;
using BirdInfra.Tests.Support;

namespace BirdInfra.Tests.Rendering;

/// <summary>One plan with every action, rendered as text and JSON and compared with golden files.</summary>
public sealed class PlanRenderingTests
{
    [Fact]
    public void TextPreview_MatchesGoldenFile()
    {
        var text = PlanTextRenderer.Render(SamplePlan());
        Golden.Match(text, "Rendering", "Golden", "plan.txt");
        text.Should().NotContain("hunter2").And.NotContain("EAAG-secret");
    }

    [Fact]
    public void JsonPreview_MatchesGoldenFile()
    {
        var json = PlanJsonRenderer.Render(SamplePlan());
        Golden.Match(json, "Rendering", "Golden", "plan.json");
        json.Should().NotContain("hunter2").And.NotContain("EAAG-secret");
    }

    [Fact]
    public void MarkdownPreview_WithEveryActionAndGuards_MatchesGoldenFile_WithSecretsMaskedAndPipesEscaped()
    {
        var plan = SamplePlan();
        var markdown = PlanMarkdownRenderer.Render(plan, GuardCheck.Evaluate(plan, SampleGuards(), BirdKinds.Default, destroy: false, allowDestructiveChanges: false), "api.bird.com (organization o-1, workspace w-1)");
        Golden.Match(markdown, "Rendering", "Golden", "plan-guards.md");
        markdown.Should().NotContain("hunter2").And.NotContain("EAAG-secret");
        markdown.Should().Contain("| Property | Old | New |").And.Contain("`[secret]`");
    }

    [Theory]
    [InlineData(true, null, false, true)]
    [InlineData(true, "", false, true)]
    [InlineData(true, "1", false, false)]
    [InlineData(true, null, true, false)]
    [InlineData(false, null, false, false)]
    public void TextPalette_ColoursOnlyATerminal_WithoutNoColorOrTheFlag(bool terminal, string? noColor, bool flag, bool coloured)
    {
        var palette = TextPalette.For(terminal, name => name == "NO_COLOR" ? noColor : null, flag);
        var text = PlanTextRenderer.Render(SamplePlan(), null, palette);

        palette.Enabled.Should().Be(coloured);
        text.Contains('\u001b').Should().Be(coloured);
        if (coloured)
        {
            text.Should().Contain("\u001b[32m+ AccessPolicy.contact-center\u001b[0m").And.Contain("\u001b[31m- AccessKey.old\u001b[0m");
            System.Text.RegularExpressions.Regex.Replace(text, "\u001b\\[[0-9;]*m", string.Empty).Should().Be(PlanTextRenderer.Render(SamplePlan()), "colour adds nothing but escape codes");
        }
    }

    [Fact]
    public void TextPreview_WithNothingToDo_SaysSo()
    {
        var plan = new Plan("dev", ImmutableArray<PlannedChange>.Empty);
        Golden.Match(PlanTextRenderer.Render(plan), "Rendering", "Golden", "plan-empty.txt");
    }

    [Fact]
    public void TextPreview_StoppedByGuards_MarksProtectedChangesAndListsEveryGuard()
    {
        var plan = SamplePlan();
        var text = PlanTextRenderer.Render(plan, GuardCheck.Evaluate(plan, SampleGuards(), BirdKinds.Default, destroy: false, allowDestructiveChanges: false));
        Golden.Match(text, "Rendering", "Golden", "plan-guards.txt");
    }

    [Fact]
    public void JsonPreview_StoppedByGuards_AddsAGuardsObject()
    {
        var plan = SamplePlan();
        var json = PlanJsonRenderer.Render(plan, GuardCheck.Evaluate(plan, SampleGuards(), BirdKinds.Default, destroy: false, allowDestructiveChanges: false));
        Golden.Match(json, "Rendering", "Golden", "plan-guards.json");
        var withoutGuards = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        withoutGuards.Remove("guards");
        withoutGuards.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true })
            .Should().Be(PlanJsonRenderer.Render(plan), "guards only add a field; the rest of the JSON plan is unchanged");
    }

    [Fact]
    public void TextPreview_OverTheLimitWithTheFlag_SaysTheFlagAllowsIt()
    {
        var plan = SamplePlan();
        var guards = new GuardsDefinition([], 1, new SourceLocation("stacks/dev.yaml", 3, 26));
        var report = GuardCheck.Evaluate(plan, guards, BirdKinds.Default, destroy: false, allowDestructiveChanges: true);
        report.Stops.Should().BeFalse();
        PlanTextRenderer.Render(plan, report).Should().EndWith(
            "Guards: 2 resources to delete or replace, more than guards.maxDestructiveChanges (1); allowed by --allow-destructive-changes." + Environment.NewLine);
    }

    private static GuardsDefinition SampleGuards() => new(
        [
            new ProtectionRule("connectors", null, Protect: true, OnResource: false, new SourceLocation("stacks/dev.yaml", 2, 24), "guards.protect[1]"),
            new ProtectionRule("accessKeys", "old", Protect: true, OnResource: true, new SourceLocation("stacks/dev.yaml", 40, 14), "accessKeys.old.protect"),
            new ProtectionRule("webhookSubscriptions", "inbound", Protect: true, OnResource: true, new SourceLocation("stacks/dev.yaml", 50, 14), "webhookSubscriptions.inbound.protect"),
        ],
        1,
        new SourceLocation("stacks/dev.yaml", 3, 26));

    private static Plan SamplePlan()
    {
        static PropertyValue S(string s) => PropertyValue.String(s);
        static PropertyMap M(params (string K, PropertyValue V)[] items) => PropertyMap.From(items.Select(i => new KeyValuePair<string, PropertyValue>(i.K, i.V)));

        var policy = M(
            ("name", S("ucx-contact-center")),
            ("definitions", PropertyValue.List(PropertyValue.Map(M(("effect", S("allow")), ("actions", PropertyValue.List(S("create"))), ("resources", PropertyValue.List(S("/workspaces/*/verify"))))))));
        var role = M(("name", S("ucx")), ("policies", PropertyValue.List(PropertyValue.Map(M(("id", InputResolver.Unknown(new OutputReference(new("AccessPolicy", "contact-center"), "id"))), ("type", S("organization")))))));
        var hook = M(("event", S("whatsapp.inbound")), ("url", S("https://old.example.com/hook")), ("signingKey", PropertyValue.SecretString("hunter2")));
        var connector = M(("phoneNumber", S("+31612345678")), ("accessToken", PropertyValue.SecretString("EAAG-secret")));
        var changes = ImmutableArray.Create(
            new PlannedChange(new("AccessPolicy", "contact-center"), "bird:index:AccessPolicy", PlanAction.Create, "declared in the stack, not in Bird", [], null, policy, []),
            new PlannedChange(new("AccessRole", "contact-center"), "bird:index:AccessRole", PlanAction.Create, "declared in the stack, not in Bird", [], null, role, [new("AccessPolicy", "contact-center")]),
            new PlannedChange(
                new("WebhookSubscription", "inbound"),
                "bird:index:WebhookSubscription",
                PlanAction.Update,
                "changed: url, signingKey",
                [new PropertyDiff("url", S("https://old.example.com/hook"), S("https://new.example.com/hook"), false), new PropertyDiff("signingKey", PropertyValue.SecretString("hunter2"), PropertyValue.SecretString("hunter3"), false)],
                new ResourceSnapshot("wh-1", hook, hook),
                hook.With("url", S("https://new.example.com/hook")),
                []),
            new PlannedChange(
                new("Connector", "main"),
                "bird:index:Connector",
                PlanAction.Replace,
                "phoneNumber cannot be updated in place in Bird",
                [new PropertyDiff("phoneNumber", S("+31612345678"), S("+31612345679"), true)],
                new ResourceSnapshot("cn-1", connector, connector),
                connector.With("phoneNumber", S("+31612345679")),
                [],
                DeleteBeforeReplace: false),
            new PlannedChange(new("AccessKey", "old"), "bird:index:AccessKey", PlanAction.Delete, "no longer declared in the stack", [], new ResourceSnapshot("key-9", PropertyMap.Empty, PropertyMap.Empty), null, []),
            new PlannedChange(new("WebhookSubscription", "same"), "bird:index:WebhookSubscription", PlanAction.Same, "up to date", [], new ResourceSnapshot("wh-2", hook, hook), hook, []));
        return new Plan("dev", changes);
    }
}
