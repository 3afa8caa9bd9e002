using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BirdInfra.Tests.Support;
using Json.Schema;

namespace BirdInfra.Tests.Stacks;

/// <summary>
/// What an editor does with the shipped stack files: each file is checked, by a JSON Schema 2020-12 validator, against
/// the schema its first line names (<c>stack.schema.json</c>, or <c>overlay.schema.json</c> for a base or an overlay,
/// which refers to the stack schema's overlay definition beside it).
/// </summary>
public sealed partial class ShippedStackSchemaTests
{
    public static TheoryData<string> StackFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Stacks, "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(StackFiles))]
    public void ShippedStackFile_IsValidAgainstTheSchemaItsFirstLineNames(string file)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Stacks, file));
        var named = SchemaLine().Match(text);
        named.Success.Should().BeTrue($"{file} names its schema on the first line, for editors");

        var results = Evaluate(named.Groups["schema"].Value, YamlJson.Parse(text));

        results.IsValid.Should().BeTrue($"{file} is valid against {named.Groups["schema"].Value}: {Problems(results)}");
    }

    [Fact]
    public void OverlaySchema_RefusesAWrongType_AndAcceptsATargetWithoutEndpoint()
    {
        var wrong = YamlJson.Parse("connectors:\n  main-number:\n    phoneNumber: [not, a, number]\n");
        var partialTarget = YamlJson.Parse("extends: base.yaml\ntarget:\n  organizationId: { env: ORG }\n");

        Evaluate("overlay.schema.json", wrong).IsValid.Should().BeFalse("the overlay schema still checks each field's type");
        Evaluate("overlay.schema.json", partialTarget).IsValid.Should().BeTrue("an overlay may leave the endpoint to its base");
        Evaluate("stack.schema.json", partialTarget).IsValid.Should().BeFalse("a whole stack names its endpoint");
    }

    /// <summary>
    /// Checks <paramref name="document"/> against a shipped schema file read from where the stack schema says it lives
    /// (its <c>$id</c>), so the overlay file's relative reference lands on the stack schema beside it.
    /// </summary>
    private static EvaluationResults Evaluate(string schemaFile, JsonNode? document)
    {
        var build = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        var stack = JsonSchema.FromFile(Path.Combine(RepositoryPaths.Stacks, "stack.schema.json"), build);
        var home = new Uri(JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Stacks, "stack.schema.json")))!["$id"]!.GetValue<string>());
        var schema = schemaFile == "stack.schema.json" ? stack : JsonSchema.FromFile(Path.Combine(RepositoryPaths.Stacks, schemaFile), build, new Uri(home, schemaFile));
        return schema.Evaluate(JsonSerializer.SerializeToElement(document), new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    private static string Problems(EvaluationResults results) =>
        string.Join("; ", (results.Details ?? []).Where(d => d.Errors is { Count: > 0 }).Take(5)
            .Select(d => $"{d.InstanceLocation} [{d.SchemaLocation}]: {string.Join(", ", d.Errors!.Values)}"));

    [GeneratedRegex(@"\A# yaml-language-server: \$schema=\./(?<schema>[a-z]+\.schema\.json)\n", RegexOptions.CultureInvariant)]
    private static partial Regex SchemaLine();
}
