
namespace BirdInfra.Commands;

/// <summary>Opens the engine's <see cref="StackSession"/> for a command, from its options, reporting to its console.</summary>
public static class CommandSession
{
    public static Task<StackSession?> OpenAsync(CommandOptions options, string command, ConsoleIO io, IBirdTargetFactory targets, CancellationToken cancellationToken) =>
        StackSession.OpenAsync(new StackPaths(options.Root, options.Stack), options.Kinds, command, options.Parallel, io, targets, cancellationToken);
}
