
namespace BirdInfra.Commands;

/// <summary>
/// Loads a command's stack file without opening a session (no lock, no state), for commands that need only the file and
/// (doctor, export): what goes wrong or is worth a warning is printed the same way for each.
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
}
