
namespace BirdInfra.Commands;

/// <summary>
/// Loads a command's stack file without opening a session (no lock, no state), for commands that need only the file and
/// its target (doctor, export): what goes wrong or is worth a warning is printed the same way for each.
/// </summary>
public static class CommandStack
{
    /// <summary>The stack, its warnings printed; or null, its problems printed (the command then exits 1).</summary>
    public static StackDefinition? Load(StackPaths paths, CommandOptions options, ConsoleIO io, bool checkSecrets)
    {
        var load = StackSession.Load(paths, options.Kinds, io.Environment, checkSecrets);
        if (load.Stack is null)
        {
            io.WriteDiagnostics(load.Diagnostics);
            return null;
        }

        io.WriteWarnings(load.Diagnostics);
        return load.Stack;
    }

    /// <summary>Where a target points, in words: the embedded emulator, or its endpoint (api.bird.com when none is written).</summary>
    public static string Where(TargetDefinition target) =>
        target.UsesEmulator ? "the embedded emulator" : target.Endpoint ?? "api.bird.com";
}
