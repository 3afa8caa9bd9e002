using System.Text.RegularExpressions;
using BirdInfra.Tests.Reliability;
using BirdInfra.Tests.Stacks;
using BirdInfra.Tests.Support;

namespace BirdInfra.Tests.EndToEnd;

/// <summary>
/// No false positives: right after `up` of each shipped stack and of every valid row of the shared input-rules table,
/// `drift --detailed-exitcode` finds nothing (exit 0), on a fresh emulator each, and sends nothing that changes Bird.
/// </summary>
[Trait("Category", "Slow")]
[LongPole]
public sealed partial class DriftNoFalsePositiveTests
{
    private const string TestTarget = """
        target:
          endpoint: {{endpoint}}
          organizationId: { env: BIRD_ORGANIZATION_ID }
          workspaceId: { env: BIRD_WORKSPACE_ID }
          accessKey: { env: BIRD_ACCESS_KEY }

        """;

    /// <summary>
    /// Valid rows `up` cannot apply: the table says Bird accepts a filter key twice, the emulator refuses it (422, "each
    /// filter key may appear only once"). The table and the emulator disagree; until one changes, the row must still fail
    /// here, so this list cannot outlive the disagreement.
    /// </summary>
    private static readonly string[] RefusedByTheEmulator = ["edge-webhook-outbound-filters-and-channel"];

    [Fact]
    public async Task Drift_AfterUpOfEveryShippedStackAndValidCorpusRow_FindsNothing()
    {
        var cases = new[] { "dev", "prod", "local" }
            .Select(name => (Name: $"stacks/{name}.yaml", Yaml: File.ReadAllText(Path.Combine(RepositoryPaths.Stacks, $"{name}.yaml"))))
            .Concat(InputRulesTable.Valid.Select(row => (Name: $"input-rules {row.Id}", Yaml: InputRulesTable.StackFor(row).Yaml)))
            .ToList();
        cases.Should().HaveCountGreaterThan(10);

        var failures = new List<string>();
        foreach (var (name, yaml) in cases)
        {
            // The test's own emulator, so its call log is at hand; a generated Meta token only works on `endpoint: emulator`.
            // A shipped overlay reads variables of its own stack (BIRD_DEV_*, BIRD_PROD_*); its base comes along beside it.
            var aimed = TargetBlock().Replace(yaml, TestTarget, 1)
                .Replace("accessToken: { generate: true }", "accessToken: { env: WHATSAPP_ACCESS_TOKEN }", StringComparison.Ordinal)
                .Replace("BIRD_DEV_WHATSAPP_", "WHATSAPP_", StringComparison.Ordinal)
                .Replace("BIRD_PROD_WHATSAPP_", "WHATSAPP_", StringComparison.Ordinal)
                .Replace("BIRD_DEV_", "BIRD_", StringComparison.Ordinal)
                .Replace("BIRD_PROD_", "BIRD_", StringComparison.Ordinal);
            await using var ws = await StackWorkspace.CreateAsync(aimed);
            File.Copy(Path.Combine(RepositoryPaths.Stacks, "base.yaml"), Path.Combine(Path.GetDirectoryName(ws.StackFile)!, "base.yaml"));
            var up = await ws.RunAsync("up", "--stack", "e2e", "--yes");
            if (RefusedByTheEmulator.Any(id => name == $"input-rules {id}"))
            {
                up.ExitCode.Should().Be(1, $"{name} is listed as refused by the emulator; remove it from the list once it applies");
                continue;
            }

            up.ExitCode.Should().Be(0, $"{name}: {up.All}");
            await ws.ResetCallLogAsync();

            var drift = await ws.RunAsync("drift", "--stack", "e2e", "--detailed-exitcode");

            if (drift.ExitCode != 0)
            {
                failures.Add($"{name}: exit {drift.ExitCode}\n{drift.All}");
            }

            (await CallLog.ReadAsync(ws)).Where(CallLog.IsMutating).Should().BeEmpty($"{name}: drift only reads Bird");
        }

        failures.Should().BeEmpty();
    }

    /// <summary>The stack file's target mapping, up to the next top-level key or comment.</summary>
    [GeneratedRegex(@"^target:\n(?:[ ].*\n|\n)*", RegexOptions.Multiline)]
    private static partial Regex TargetBlock();
}
