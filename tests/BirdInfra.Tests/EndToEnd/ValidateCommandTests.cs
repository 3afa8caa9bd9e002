using BirdInfra.Tests.Support;

namespace BirdInfra.Tests.EndToEnd;

/// <summary>`birdinfra validate` over the broken-stack corpus: exit 1, located diagnostics, no stack trace, no network.</summary>
public sealed class ValidateCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("birdinfra-validate-").FullName;

    public ValidateCommandTests() => Directory.CreateDirectory(Path.Combine(_root, "stacks"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    public static TheoryData<string> CorpusFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(RepoPaths.Of("tests", "BirdInfra.Tests", "Corpus", "invalid"), "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Fact]
    public void TheCorpusHasAtLeast25BrokenStacks() => CorpusFiles().Count.Should().BeGreaterThanOrEqualTo(25);

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public async Task Validate_OnABrokenStack_ExitsOne_WithLocatedDiagnostics(string file)
    {
        File.Copy(RepoPaths.Of("tests", "BirdInfra.Tests", "Corpus", "invalid", file), Path.Combine(_root, "stacks", "broken.yaml"));

        var run = await RunAsync("validate", "--stack", "broken");

        run.ExitCode.Should().Be(1, run.All);
        run.Error.Should().MatchRegex(@"broken\.yaml:\d+:\d+: error BI\d{3}: ");
        run.Error.Should().Contain("hint: ").And.Contain("nothing was sent to Bird");
        run.All.Should().NotContain("   at ", "a user never sees a stack trace");
    }

    [Fact]
    public async Task Validate_OnTheShippedLocalStack_Succeeds()
    {
        File.Copy(RepoPaths.Of("stacks", "local.yaml"), Path.Combine(_root, "stacks", "local.yaml"));
        var run = await RunAsync("validate", "--stack", "local");
        run.ExitCode.Should().Be(0, run.All);
        run.Out.Should().Contain("is valid");
    }

    [Fact]
    public async Task ValidateAndPreview_OnAStackWithOnlyAWarning_PrintIt_AndSucceed()
    {
        // '/x/**' does not cover '/x' on Bird: a warning, not a problem.
        File.WriteAllText(Path.Combine(_root, "stacks", "warned.yaml"), """
            target:
              endpoint: emulator
            accessPolicies:
              cc:
                definitions:
                  - effect: allow
                    actions: [view]
                    resources: [/workspaces/*/channels/**]
            """);

        var validate = await RunAsync("validate", "--stack", "warned");
        validate.ExitCode.Should().Be(0, validate.All);
        validate.Error.Should().Contain("warned.yaml:8:21: warning BI089: ").And.Contain("/workspaces/*/channels");
        validate.Error.Should().NotContain("problem");
        validate.Out.Should().Contain("is valid: 1 resources declared, 1 warning.");

        var preview = await RunAsync("preview", "--stack", "warned");
        preview.ExitCode.Should().Be(0, preview.All);
        preview.Error.Should().Contain("warning BI089");
        preview.Out.Should().Contain("1 to create");
    }

    [Fact]
    public async Task AnyCommand_OnABrokenStack_SendsNothing_AndExitsOne()
    {
        // The stack is aimed at a live emulator with working credentials, so a command that did call Bird would show in
        // the emulator's call log; only its connector's phone number is broken.
        await using var ws = await StackWorkspace.CreateAsync();
        ws.EditStack("phoneNumber: \"+31612345678\"", "phoneNumber: \"0612345678\"");
        await ws.ResetCallLogAsync();
        foreach (var args in new[] { new[] { "preview" }, ["up", "--yes"], ["refresh"], ["destroy", "--yes"], ["import", "--yes"], ["validate"] })
        {
            var run = await ws.RunAsync([.. args, "--stack", "e2e"]);
            (await ws.CallsAsync()).Should().BeEmpty($"`{args[0]}` sends nothing to Bird for a broken stack, not even a read");
            run.ExitCode.Should().Be(1, run.All);
            run.Error.Should().Contain("e2e.yaml:").And.Contain("phoneNumber").And.Contain("nothing was sent to Bird");
        }

        Directory.Exists(Path.Combine(ws.Root, ".birdinfra")).Should().BeFalse("nothing is started or written for a broken stack");
    }

    private Task<CliRun> RunAsync(params string[] args) => CliRunner.RunAsync(_root, _ => null, args);
}
