using BirdInfra.Providers.Diagnostics;
using BirdInfra.Providers.Kinds;
using BirdInfra.Stacks;

namespace BirdInfra.Tests.Stacks;

/// <summary>
/// Bird's value rules are one definition, the kinds' Check, run by <c>validate</c> and by the plugin alike. Each invalid row of
/// tests/Corpus/input-rules.json is reported by <c>validate</c> once, with the row's code, at the row's YAML path, on one of
/// the row's lines; the valid rows (the scenario) load clean. tests/conformance/input-rules.test.mjs sends the same rows
/// to the plugin's Check; ShippedStacksTests covers the scenario stacks themselves.
/// </summary>
public sealed class SharedInputRulesTests
{
    private const string StackPath = "stacks/input-rules.yaml";

    public static TheoryData<string> InvalidRows() => [.. InputRulesTable.Invalid.Select(r => r.Id)];

    public static TheoryData<string> ValidRows() => [.. InputRulesTable.Valid.Select(r => r.Id)];

    [Fact]
    public void Table_HasAtLeastFiveInvalidRowsForEachKind()
    {
        var rows = InputRulesTable.Invalid;

        rows.Select(r => r.Id).Concat(InputRulesTable.Valid.Select(r => r.Id)).Should().OnlyHaveUniqueItems();
        foreach (var kind in BirdKinds.Default.Declarable)
        {
            rows.Count(r => r.Type == kind.TypeToken).Should().BeGreaterThanOrEqualTo(5, $"the table covers {kind.Name}");
            InputRulesTable.Valid.Should().Contain(r => r.Type == kind.TypeToken, $"the scenario has a valid {kind.Name}");
        }

        rows.Concat(InputRulesTable.Valid).Should().OnlyContain(r => BirdKinds.Default.FindBySection(r.Section)!.TypeToken == r.Type, "a row's section declares its kind");
        rows.Should().OnlyContain(r => r.Code != null && DiagnosticCodes.Titles.ContainsKey(r.Code) && !string.IsNullOrEmpty(r.YamlPath));
    }

    [Fact]
    public void Validate_BaseStack_ReportsNothing()
    {
        var (yaml, _, _) = InputRulesTable.StackFor(null);

        StackLoader.Load(InputRulesTable.Bytes(yaml), StackPath, TestEnvironments.Empty()).Diagnostics.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(InvalidRows))]
    public void Validate_InvalidRow_ReportsItsCodeOnceAtItsPath(string id)
    {
        var row = InputRulesTable.Find(id);
        var (yaml, first, last) = InputRulesTable.StackFor(row);

        var result = StackLoader.Load(InputRulesTable.Bytes(yaml), StackPath, TestEnvironments.Empty());

        result.Stack.Should().BeNull();
        var diagnostic = result.Diagnostics.Should().ContainSingle($"row {id} breaks one rule; got:\n{string.Join("\n", result.Diagnostics)}").Subject;
        diagnostic.Code.Should().Be(row.Code);
        diagnostic.YamlPath.Should().Be($"{row.Section}.{InputRulesTable.LogicalName}.{row.YamlPath}");
        diagnostic.Location.File.Should().Be(StackPath);
        diagnostic.Location.Line.Should().BeInRange(first, last, "the problem is located on the row's own lines");
        diagnostic.Location.Column.Should().BeGreaterThanOrEqualTo(1);
    }

    [Theory]
    [MemberData(nameof(ValidRows))]
    public void Validate_ValidRow_ReportsNothing(string id)
    {
        var (yaml, _, _) = InputRulesTable.StackFor(InputRulesTable.Find(id));

        var result = StackLoader.Load(InputRulesTable.Bytes(yaml), StackPath, TestEnvironments.Empty());

        result.Diagnostics.Should().BeEmpty();
        result.Stack.Should().NotBeNull();
    }
}
