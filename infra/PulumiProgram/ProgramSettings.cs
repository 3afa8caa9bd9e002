using System.Globalization;
using System.Text.Json;

namespace BirdInfra.PulumiProgram;

/// <summary>
/// What the dotnet language host tells the program through its environment (PULUMI_MONITOR, PULUMI_ENGINE,
/// PULUMI_PROJECT, PULUMI_STACK, PULUMI_DRY_RUN, PULUMI_CONFIG, PULUMI_CONFIG_SECRET_KEYS, PULUMI_ROOT_DIRECTORY,
/// PULUMI_PWD, PULUMI_PARALLEL).
/// </summary>
public sealed record ProgramSettings(
    string MonitorAddress,
    string? EngineAddress,
    string Project,
    string Stack,
    bool DryRun,
    int Parallel,
    string RootDirectory,
    PulumiConfig Config)
{
    public const string MonitorVariable = "PULUMI_MONITOR";

    /// <summary>The host starts the program with PULUMI_MONITOR set and no arguments.</summary>
    public static bool IsPulumiRun(Func<string, string?> environment, IReadOnlyList<string> args) =>
        args.Count == 0 && !string.IsNullOrWhiteSpace(environment(MonitorVariable));

    /// <summary>Reads the settings; a missing or malformed variable is an <see cref="InvalidOperationException"/> naming it.</summary>
    public static ProgramSettings Read(Func<string, string?> environment, string currentDirectory)
    {
        string Required(string name) => environment(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set; this program is started by `pulumi preview` or `pulumi up`.");

        var project = Required("PULUMI_PROJECT");
        var stack = Required("PULUMI_STACK");
        var dryRun = environment("PULUMI_DRY_RUN") is { } dry && bool.TryParse(dry, out var parsed) && parsed;
        var parallel = int.TryParse(environment("PULUMI_PARALLEL"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p : 0;
        var pwd = environment("PULUMI_PWD") is { Length: > 0 } d ? d : currentDirectory;
        var root = environment("PULUMI_ROOT_DIRECTORY") is { Length: > 0 } r ? r : Engine.StackPaths.FindRoot(pwd);
        var config = PulumiConfig.Parse(project, environment("PULUMI_CONFIG"), environment("PULUMI_CONFIG_SECRET_KEYS"));
        return new ProgramSettings(Required(MonitorVariable), environment("PULUMI_ENGINE"), project, stack, dryRun, parallel, root, config);
    }

    /// <summary>The URN the engine gives a resource parented to the stack (the stack type is never in the chain).</summary>
    public string UrnOf(string type, string name) => $"urn:pulumi:{Stack}::{Project}::{type}::{name}";

    public string StackFile => new Engine.StackPaths(RootDirectory, Stack).StackFile;


    internal static ImmutableArray<string> ParseStringArray(string? json, string variable)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<string[]>(json)?.ToImmutableArray() ?? [];
        }
        catch (JsonException)
        {
            throw new InvalidOperationException($"{variable} is not a JSON array of strings.");
        }
    }
}
