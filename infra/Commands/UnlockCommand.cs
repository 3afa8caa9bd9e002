
namespace BirdInfra.Commands;

/// <summary>
/// `birdinfra unlock`: clears a lock file left by a killed run, after a confirmation (or --yes). On PostgreSQL there is
/// nothing to clear: the database releases the lock of a run whose process died, and a live run's lock is not for
/// another to take; the command says which is the case.
/// </summary>
public static class UnlockCommand
{
    public static async Task<int> RunAsync(CommandOptions options, ConsoleIO io, CancellationToken cancellationToken)
    {
        var paths = new StackPaths(options.Root, options.Stack);
        var load = File.Exists(paths.StackFile) ? StackSession.Load(paths, options.Kinds, io.Environment, checkSecrets: false) : null;
        if (load?.Stack is { State.IsPostgres: true } stack)
        {
            await using var backend = await StateBackend.OpenAsync(stack.State, paths, io.Environment, cancellationToken);
            try
            {
                await using var probe = await backend.LockAsync("unlock", _ => { }, cancellationToken);
            }
            catch (StateException e)
            {
                io.Error.WriteLine($"error: {e.Message} There is nothing to clear: the lock is released when that run ends, or by PostgreSQL if its process dies.");
                return ExitCodes.Error;
            }

            io.Out.WriteLine($"Stack {options.Stack} is not locked (PostgreSQL releases the lock of a run whose process died).");
            return ExitCodes.Success;
        }

        if (!File.Exists(paths.LockFile))
        {
            io.Out.WriteLine($"Stack {options.Stack} is not locked.");
            return ExitCodes.Success;
        }

        var holder = StateLock.Describe(paths.LockFile);
        if (!options.Yes && !io.Confirm($"Stack {options.Stack} is locked, {holder}. Clear the lock? Only do this if that run is no longer running."))
        {
            io.Error.WriteLine("The lock was kept.");
            return ExitCodes.Error;
        }

        File.Delete(paths.LockFile);
        io.Out.WriteLine($"Cleared the lock of stack {options.Stack} ({holder}).");
        return ExitCodes.Success;
    }
}
