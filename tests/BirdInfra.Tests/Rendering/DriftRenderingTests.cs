using BirdInfra.Drift;
using BirdInfra.Providers.Kinds;
using BirdInfra.Providers.Properties;
using BirdInfra.Rendering;
using BirdInfra.Tests.Support;

namespace BirdInfra.Tests.Rendering;

/// <summary>The drift report in its three formats, from one report holding every kind of finding.</summary>
public sealed class DriftRenderingTests
{
    private static PropertyValue S(string value) => PropertyValue.String(value);

    private static PropertyValue RoleRefs(params string[] workspaces) => PropertyValue.List(PropertyValue.Map(PropertyMaps.Of(
        ("id", S("7c1e2f4a-1111-4c2b-9d3e-000000000002")),
        ("type", S("organization")),
        ("workspaces", PropertyMaps.Strings(workspaces)))));

    private static readonly DriftReport Report = new(
        "prod",
        [
            new DriftedObject("AccessKey", "contact-center", "5b0c9f3e-2222-4e4f-8a1b-000000000003", DriftSeverity.Critical, false, [new DriftChange("roleRefs", RoleRefs("3f2504e0-4f89-41d3-9a0c-0305e82c3301"), RoleRefs())]),
            new DriftedObject("AccessRole", "contact-center", "7c1e2f4a-1111-4c2b-9d3e-000000000002", DriftSeverity.Info, false, [new DriftChange("description", S("Holds the contact-center policy"), S("Edited | in the *console*"))]),
            new DriftedObject("WebhookSubscription", "main-outbound", "9d8e7f6a-3333-4b5c-8d9e-000000000004", DriftSeverity.Warning, true, []),
        ],
        [
            new BesideObject("AccessKey", "1a2b3c4d-4444-4e5f-9a0b-000000000005", "console-admin", DriftSeverity.Critical, "role console-admin (organization-wide) with console-admin [allow any /**]"),
            new BesideObject("AccessKey", "2b3c4d5e-5555-4f60-8b1c-000000000006", "ci-deploy", DriftSeverity.Info, "the deploy key: role admin (organization-wide) with admin [allow any /**]", DeployKey: true),
            new BesideObject("WebhookSubscription", "3c4d5e6f-6666-4a71-9c2d-000000000007", "whatsapp.inbound", DriftSeverity.Warning, "event channels/whatsapp.inbound to https://elsewhere.example.net/hook, channel 0f1e2d3c-7777-4b8a-9c0d-000000000008"),
        ],
        Ignored: 1);

    [Fact]
    public void Text_ListsDriftedPropertiesAndObjectsBesideTheStack() =>
        Golden.Match(Render(w => DriftTextRenderer.Write(w, Report)), "Rendering", "Golden", "drift.txt");

    [Fact]
    public void Json_HasTheSummaryDriftedAndBesideArrays() =>
        Golden.Match(DriftJsonRenderer.Render(Report) + "\n", "Rendering", "Golden", "drift.json");

    [Fact]
    public void Markdown_IsAnIssueBodyWithEscapedCells() =>
        Golden.Match(DriftMarkdownRenderer.Render(Report, "https://api.bird.com/ (organization o, workspace w)"), "Rendering", "Golden", "drift.md");

    [Fact]
    public void CleanReport_SaysNothingWasFound_AndExitsZero()
    {
        var clean = new DriftReport("prod", [], [Report.Beside[1]], 0);

        DriftTextRenderer.SummaryLine(clean).Should().Contain("no drift");
        clean.DetailedExitCode.Should().Be(0, "the deploy key is expected beside every stack");
    }

    private static string Render(Action<StringWriter> write)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        write(writer);
        return writer.ToString();
    }
}
