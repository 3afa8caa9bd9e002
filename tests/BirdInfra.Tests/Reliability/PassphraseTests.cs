using BirdInfra.Tests.Support;

namespace BirdInfra.Tests.Reliability;

/// <summary>Point 5 through the CLI: a wrong or missing passphrase is a clear error; nothing is decrypted, written or sent.</summary>
public sealed class PassphraseTests : IAsyncLifetime
{
    private StackWorkspace _ws = null!;

    public async Task InitializeAsync() => _ws = await StackWorkspace.CreateAsync();

    public async Task DisposeAsync() => await _ws.DisposeAsync();

    [Theory]
    [InlineData("wrong", "The passphrase does not decrypt the state of stack 'e2e'")]
    [InlineData("missing", "Set BIRDINFRA_PASSPHRASE to the passphrase that encrypts the secrets in the state of stack 'e2e'. Nothing was read or written.")]
    [InlineData("empty", "Set BIRDINFRA_PASSPHRASE to the passphrase that encrypts the secrets in the state of stack 'e2e'. Nothing was read or written.")]
    public async Task AWrongOrMissingPassphrase_StopsEveryCommand_WithoutDecryptingWritingOrSending(string passphrase, string message)
    {
        (await _ws.RunAsync("up", "--stack", "e2e", "--yes")).ExitCode.Should().Be(0);
        var state = File.ReadAllBytes(_ws.StateFile);
        var backup = File.ReadAllBytes(_ws.BackupFile);
        _ws.Environment["BIRDINFRA_PASSPHRASE"] = passphrase switch { "wrong" => "not-the-passphrase", "empty" => string.Empty, _ => null };
        await _ws.ResetCallLogAsync();

        string[][] commands = [["up", "--yes"], ["preview"], ["preview", "--json"], ["refresh"], ["destroy", "--yes"]];
        foreach (var command in commands)
        {
            var run = await _ws.RunAsync([.. command, "--stack", "e2e"]);

            run.ExitCode.Should().Be(1, $"{string.Join(' ', command)} with a {passphrase} passphrase: {run.All}");
            run.Error.Should().Contain(message);
            run.Out.Should().BeEmpty("nothing was decrypted, so nothing is planned or shown");
            run.All.Should().NotContain("   at ").And.NotContain(StackWorkspace.Passphrase);
        }

        (await _ws.CallsAsync()).Should().BeEmpty("nothing is sent to Bird");
        File.ReadAllBytes(_ws.StateFile).Should().Equal(state);
        File.ReadAllBytes(_ws.BackupFile).Should().Equal(backup);
        File.Exists(_ws.LockFile).Should().BeFalse();
    }

    [Fact]
    public async Task AnEmulatorStackWhoseKeyFileIsGone_IsRefused_AndNoNewKeyIsWritten()
    {
        // Stacks on the embedded emulator keep a generated key next to their state when BIRDINFRA_PASSPHRASE is unset.
        _ws.Environment.Remove("BIRDINFRA_PASSPHRASE");
        File.WriteAllText(Path.Combine(_ws.Root, "stacks", "sandbox.yaml"), """
            target:
              endpoint: emulator
            accessPolicies:
              cc:
                definitions: [{ effect: allow, actions: [view], resources: ["/workspaces/*"] }]
            webhookSubscriptions:
              created:
                event: channel.created
                url: https://contact-center.example.com/bird/channels
                signingKey: { generate: true }
            """);
        (await _ws.RunAsync("up", "--stack", "sandbox", "--yes")).ExitCode.Should().Be(0);
        var directory = Path.Combine(_ws.Root, ".birdinfra", "sandbox");
        var keyFile = Path.Combine(directory, "passphrase");
        var stateFile = Path.Combine(directory, "state.json");
        File.Delete(keyFile);
        var state = File.ReadAllBytes(stateFile);

        var preview = await _ws.RunAsync("preview", "--stack", "sandbox");
        var up = await _ws.RunAsync("up", "--stack", "sandbox", "--yes");

        foreach (var run in new[] { preview, up })
        {
            run.ExitCode.Should().Be(1, run.All);
            run.Error.Should().Contain($"The key file {keyFile} that encrypts the state of stack 'sandbox' is missing").And.Contain("Nothing was read or written.");
        }

        File.Exists(keyFile).Should().BeFalse("a new key could not decrypt the state; writing one would hide the problem");
        File.ReadAllBytes(stateFile).Should().Equal(state);
    }
}
