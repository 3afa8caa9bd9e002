namespace BirdInfra.Tests.Stacks;

/// <summary>
/// One row of tests/Corpus/input-rules.json: a stack entry (<see cref="Yaml"/>, the lines under <c>&lt;section&gt;: under-test:</c>)
/// and, for an invalid row, what <c>validate</c> reports: <see cref="Code"/> at <see cref="YamlPath"/> below the entry.
/// The row's plugin inputs and property are for the plugin's Check (tests/conformance/input-rules.test.mjs).
/// </summary>
public sealed record InputRuleRow(string Id, string Type, string Section, IReadOnlyList<string> Yaml, string? YamlPath, string? Code)
{
    public override string ToString() => Id;
}
