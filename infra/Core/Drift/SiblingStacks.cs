
namespace BirdInfra.Drift;

/// <summary>
/// The Bird ids the stacks named in <c>drift.stacks</c> own (dev and prod in one organization, say): read from their
/// state, never locked or written, so a sibling's run may go on meanwhile.
/// </summary>
public static class SiblingStacks
{
    public static async Task<IReadOnlySet<string>> OwnedAsync(IEnumerable<string> stacks, string root, KindRegistry kinds, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        var owned = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in stacks)
        {
            var paths = new StackPaths(root, name);
            var load = StackSession.Load(paths, kinds, environment, checkSecrets: false);
            if (load.Stack is not { } stack)
            {
                throw new UserError($"drift.stacks names stack '{name}', whose stack file has problems; run `birdinfra validate --stack {name}`.");
            }

            // An emulator stack that never ran has no key file and no state; making a key file would be a write.
            if (stack.Target.UsesEmulator && string.IsNullOrEmpty(environment(PassphraseSource.Variable)) && !File.Exists(paths.PassphraseFile))
            {
                continue;
            }

            var passphrase = await PassphraseSource.ResolveAsync(paths, stack.Target.UsesEmulator, environment, cancellationToken);
            await using var backend = await StateBackend.OpenAsync(stack.State, paths, environment, cancellationToken);
            var (_, state) = await StateStore.OpenAsync(backend.Medium, name, passphrase, cancellationToken);
            owned.UnionWith(state.Resources.Select(r => r.Id));
        }

        return owned;
    }
}
