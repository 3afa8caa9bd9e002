using BirdInfra.State;
using BirdInfra.Tests.Support;

namespace BirdInfra.Tests.EndToEnd;

/// <summary>The scenario stack applied once to a fresh emulator, shared by tests that only read it (xUnit class fixture).</summary>
public sealed class AppliedScenario : IAsyncLifetime
{
    public StackWorkspace Workspace { get; private set; } = null!;

    /// <summary>The access key's token, as Bird minted it during `up`.</summary>
    public string Token { get; private set; } = null!;

    public StackState State { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Workspace = await StackWorkspace.CreateAsync();
        var up = await Workspace.RunAsync("up", "--stack", "e2e", "--yes");
        up.ExitCode.Should().Be(0, up.All);
        Token = (await Workspace.LearnMintedSecretsAsync()).Token.RevealString();
        (_, State) = await StateStore.OpenAsync(Workspace.StateFile, "e2e", StackWorkspace.Passphrase, CancellationToken.None);
    }

    public async Task DisposeAsync() => await Workspace.DisposeAsync();
}
