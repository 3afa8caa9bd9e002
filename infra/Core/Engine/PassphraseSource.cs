using System.Security.Cryptography;

namespace BirdInfra.Engine;

/// <summary>
/// The passphrase that encrypts a stack's secrets: BIRDINFRA_PASSPHRASE, or for a stack on the embedded
/// emulator a throwaway key file next to its state (nothing real is protected there).
/// </summary>
public static class PassphraseSource
{
    public const string Variable = "BIRDINFRA_PASSPHRASE";

    public static async Task<string> ResolveAsync(StackPaths paths, bool usesEmulator, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        var fromEnvironment = environment(Variable);
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return fromEnvironment;
        }

        if (!usesEmulator)
        {
            throw new UserError($"Set {Variable} to the passphrase that encrypts the secrets in the state of stack '{paths.Stack}'. Nothing was read or written.");
        }

        if (File.Exists(paths.PassphraseFile))
        {
            return (await File.ReadAllTextAsync(paths.PassphraseFile, cancellationToken)).Trim();
        }

        if (File.Exists(paths.StateFile))
        {
            // A new key could not decrypt the existing state; writing one would only hide the real problem.
            throw new UserError($"The key file {paths.PassphraseFile} that encrypts the state of stack '{paths.Stack}' is missing, but the state {paths.StateFile} exists. Restore the key file, or set {Variable} to the passphrase the state was written with. Nothing was read or written.");
        }

        Directory.CreateDirectory(paths.StateDirectory);
        var generated = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await File.WriteAllTextAsync(paths.PassphraseFile, generated, cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(paths.PassphraseFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return generated;
    }
}
