using System.Text.Json.Nodes;
using BirdInfra.Stacks;

namespace BirdInfra.Commands;

/// <summary>
/// `birdinfra validate`: checks a stack file offline and reports every problem at once; warnings alone leave it valid
/// (exit 0). `--print` also writes the effective stack (bases merged) on stdout, each block commented with its file.
/// </summary>
public static class ValidateCommand
{
    public static int Run(CommandOptions options, ConsoleIO io) => RunWithFigures(options, io).ExitCode;

    /// <summary>Validates, and returns the figures of a many-stack summary row: resources declared, problems, warnings.</summary>
    public static (int ExitCode, JsonObject Figures) RunWithFigures(CommandOptions options, ConsoleIO io)
    {
        var paths = new StackPaths(options.Root, options.Stack);
        var load = StackSession.Load(paths, options.Kinds, io.Environment, checkSecrets: true);
        if (options.Print && load.Effective is { } effective)
        {
            io.Out.Write(EffectiveStackWriter.Write(effective, paths.StackFile, load.Files, file => Path.GetRelativePath(options.Root, file)));
        }

        var figures = new JsonObject
        {
            ["resources"] = load.Stack?.Resources.Length,
            ["problems"] = load.Diagnostics.Count(d => d.IsError),
            ["warnings"] = load.Diagnostics.Count(d => !d.IsError),
        };
        if (options.Format == Rendering.PlanFormat.Json)
        {
            io.Out.WriteLine(Json(load, figures));
        }

        if (load.Stack is null)
        {
            io.WriteDiagnostics(load.Diagnostics);
            return (ExitCodes.Error, figures);
        }

        io.WriteWarnings(load.Diagnostics);
        (options.Print || options.Format == Rendering.PlanFormat.Json ? io.Error : io.Out).WriteLine($"Stack {options.Stack} is valid: {load.Stack.Resources.Length} resources declared{ConsoleIO.WarningCount(load.Diagnostics, ", {0}")}.");
        return (ExitCodes.Success, figures);
    }

    /// <summary>`--format json`: whether the stack is valid, its figures and every diagnostic with its location.</summary>
    private static string Json(StackLoadResult load, JsonObject figures)
    {
        var document = new JsonObject
        {
            ["valid"] = load.Stack is not null,
            ["files"] = new JsonArray([.. load.Files.Select(f => (JsonNode)f)]),
        };
        foreach (var (key, value) in figures)
        {
            document[key] = value?.DeepClone();
        }

        document["diagnostics"] = new JsonArray([.. load.Diagnostics.Select(d => (JsonNode)new JsonObject
        {
            ["code"] = d.Code,
            ["severity"] = d.IsError ? "error" : "warning",
            ["file"] = d.Location.File,
            ["line"] = d.Location.Line,
            ["column"] = d.Location.Column,
            ["extendedBy"] = d.Location.ExtendedBy,
            ["yamlPath"] = d.YamlPath,
            ["message"] = d.Message,
            ["hint"] = d.Hint,
        })]);
        return document.ToJsonString(JsonText.Indented);
    }
}
