using BirdInfra.Outputs;
using BirdInfra.Providers.StackFiles;

namespace BirdInfra.Commands;

/// <summary>
/// `birdinfra output`: prints the stack outputs (ids, channel ids, access key tokens) from state, as text or --json,
/// all of them or one. Never connects to Bird and takes no lock: state is written atomically (temp + rename, or a transaction), so
/// this reads the last completed operation even while an `up` runs. Secrets stay masked unless --show-secrets.
/// </summary>
public static class OutputCommand
{
    public static async Task<int> RunAsync(CommandOptions options, ConsoleIO io, CancellationToken cancellationToken)
    {
        var paths = new StackPaths(options.Root, options.Stack);

        // The stack file says which passphrase opens the state (the emulator's key file or BIRDINFRA_PASSPHRASE);
        // the secrets it reads from the environment are not needed to print outputs.
        var load = StackSession.Load(paths, options.Kinds, io.Environment, checkSecrets: false);
        if (load.Stack is null)
        {
            io.WriteDiagnostics(load.Diagnostics);
            return ExitCodes.Error;
        }

        var kinds = options.Kinds.For(load.Stack.Target.KindOptions);
        var declared = StateOutputs.Declared(kinds);
        if (options.Output is { } wanted && !declared.Any(o => o.Name == wanted))
        {
            throw new UserError($"Stack {options.Stack} has no output '{Text.Shown(wanted)}'. Outputs: {string.Join(", ", declared.Select(o => o.Name))}.");
        }

        StackState state;
        await using var backend = await StateBackend.OpenAsync(load.Stack.State, paths, io.Environment, cancellationToken);
        if (await backend.Medium.ReadSnapshotAsync(cancellationToken) is null)
        {
            // Checked before the passphrase, so that a first look at a stack never writes an emulator key file.
            io.Error.WriteLine($"Stack {options.Stack} has no state yet: nothing has been applied. Run `birdinfra up --stack {options.Stack}` first.");
            state = StackState.Empty(options.Stack);
        }
        else
        {
            var passphrase = await PassphraseSource.ResolveAsync(paths, load.Stack.Target.UsesEmulator, io.Environment, cancellationToken);
            (_, state) = await StateStore.OpenAsync(backend.Medium, options.Stack, passphrase, cancellationToken);
        }

        var outputs = StateOutputs.Collect(state, kinds).Where(o => options.Output is null || o.Name == options.Output).ToList();
        if (options.Json)
        {
            io.Out.WriteLine(options.Output is null ? OutputJsonRenderer.Render([.. outputs], options.ShowSecrets) : OutputJsonRenderer.RenderOne(outputs[0], options.ShowSecrets));
            foreach (var output in outputs)
            {
                foreach (var absent in output.Entries.Where(e => e.Value is null))
                {
                    io.Error.WriteLine($"note: {output.Name}.{absent.Resource} is null: {output.Output.AbsentText}.");
                }
            }
        }
        else
        {
            io.Out.Write(options.Output is null ? OutputTextRenderer.Render([.. outputs], options.ShowSecrets) : OutputTextRenderer.RenderOne(outputs[0], options.ShowSecrets));
            if (options.Output is not null && outputs[0].Entries.IsEmpty)
            {
                io.Error.WriteLine($"Stack {options.Stack} has no resource with output {options.Output} in its state.");
            }
        }

        if (!options.ShowSecrets && outputs.Any(o => o.Output.Secret && o.Entries.Any(e => e.Value is not null)))
        {
            io.Error.WriteLine("Secrets are shown as [secret]; add --show-secrets to print them.");
        }

        return ExitCodes.Success;
    }
}
