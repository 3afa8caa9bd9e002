
namespace BirdInfra.Commands;

/// <summary>Runs a command on the engine's <see cref="StackSession"/>, opened from its options and reporting to its console.</summary>
public static class CommandSession
{
    /// <summary>
    /// Runs <paramref name="run"/> on the open session and closes the session after it; exit 1 when the session cannot
    /// be opened (the stack file or Bird's catalogue refused it, and the problems are reported already).
    /// </summary>
    public static async Task<int> RunAsync(CommandOptions options, string command, ConsoleIO io, IBirdTargetFactory targets, Func<StackSession, Task<int>> run, CancellationToken cancellationToken)
    {
        await using var session = await StackSession.OpenAsync(new StackPaths(options.Root, options.Stack), options.Kinds, command, options.Parallel, io, targets, cancellationToken);
        return session is null ? ExitCodes.Error : await run(session);
    }

    /// <summary>Runs a command whose work needs only the session, its options and its console.</summary>
    public static Task<int> RunAsync(
        CommandOptions options, string command, ConsoleIO io, IBirdTargetFactory targets, Func<StackSession, CommandOptions, ConsoleIO, CancellationToken, Task<int>> run, CancellationToken cancellationToken) =>
        RunAsync(options, command, io, targets, session => run(session, options, io, cancellationToken), cancellationToken);
}
