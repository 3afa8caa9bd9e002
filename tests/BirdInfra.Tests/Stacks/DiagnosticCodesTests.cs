using System.Reflection;
using BirdInfra.Providers.Diagnostics;

namespace BirdInfra.Tests.Stacks;

/// <summary>Diagnostic codes are stable, unique and documented in stacks/README.md.</summary>
public sealed class DiagnosticCodesTests
{
    private static readonly List<string> Constants = typeof(DiagnosticCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToList();

    [Fact]
    public void Codes_AreUniqueAndEachHasATitle()
    {
        Constants.Should().OnlyHaveUniqueItems().And.AllSatisfy(c => c.Should().MatchRegex("^BI[0-9]{3}$"));
        DiagnosticCodes.Titles.Keys.Should().BeEquivalentTo(Constants);
    }

    [Fact]
    public void Codes_AreAllDocumentedInTheStacksReadme()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Stacks, "README.md"));

        foreach (var code in Constants)
        {
            readme.Should().Contain($"| {code} |", $"stacks/README.md documents {code}");
        }
    }

    [Fact]
    public void ToString_ShowsLocationCodePathAndHint()
    {
        var diagnostic = new Diagnostic(
            "BI075",
            "'0612' is not a phone number in E.164 form.",
            "Write '+', the country code and the number.",
            new SourceLocation("stacks/dev.yaml", 12, 7),
            "connectors.main-number.phoneNumber");

        diagnostic.ToString().Should().Be(
            "stacks/dev.yaml:12:7: error BI075: '0612' is not a phone number in E.164 form. (at connectors.main-number.phoneNumber)"
            + Environment.NewLine + "  hint: Write '+', the country code and the number.");
    }

    [Fact]
    public void ToString_OfAWarning_SaysWarning()
    {
        var warning = new Diagnostic("BI089", "m", "h", new SourceLocation("stacks/dev.yaml", 3, 5), "p") { Severity = DiagnosticSeverity.Warning };

        warning.IsError.Should().BeFalse();
        warning.ToString().Should().StartWith("stacks/dev.yaml:3:5: warning BI089: m (at p)");
    }
}
