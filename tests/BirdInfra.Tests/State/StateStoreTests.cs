using System.Collections.Immutable;
using BirdInfra.Graph;
using BirdInfra.Providers.Graph;
using BirdInfra.Providers.Properties;
using BirdInfra.Providers.Stacks;
using BirdInfra.State;

namespace BirdInfra.Tests.State;

public sealed class StateStoreTests : IDisposable
{
    private const string Token = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789";
    private readonly string _dir = Directory.CreateTempSubdirectory("birdinfra-state-").FullName;

    private string StatePath => Path.Combine(_dir, "state.json");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task SaveThenOpen_RoundTripsResources_WithSecretsEncryptedAtRest()
    {
        var (store, empty) = await StateStore.OpenAsync(StatePath, "dev", "pass-1", CancellationToken.None);
        var state = empty.WithResource(Key());
        await store.SaveAsync(state, CancellationToken.None);

        File.ReadAllText(StatePath).Should().NotContain(Token).And.Contain("$secret");
        var (_, loaded) = await StateStore.OpenAsync(StatePath, "dev", "pass-1", CancellationToken.None);
        loaded.Resources.Should().ContainSingle();
        var resource = loaded.Resources[0];
        resource.Outputs["token"]!.IsSecret.Should().BeTrue();
        resource.Outputs["token"]!.RevealString().Should().Be(Token);
        resource.Inputs.Equals(Key().Inputs).Should().BeTrue();
        loaded.Serial.Should().Be(state.Serial);
        loaded.Lineage.Should().Be(state.Lineage);
    }

    [Fact]
    public async Task Open_WithTheWrongPassphrase_FailsClearly()
    {
        await SaveOneAsync();
        var act = () => StateStore.OpenAsync(StatePath, "dev", "wrong", CancellationToken.None);
        (await act.Should().ThrowAsync<StateException>()).WithMessage("*passphrase*BIRDINFRA_PASSPHRASE*");
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("edited")]
    public async Task Open_ADamagedFile_IsRefused_NeverReadAsEmpty(string damage)
    {
        await SaveOneAsync();
        var text = File.ReadAllText(StatePath);
        File.WriteAllText(StatePath, damage == "truncated" ? text[..(text.Length / 2)] : text.Replace("\"serial\": 1", "\"serial\": 7", StringComparison.Ordinal));

        var act = () => StateStore.OpenAsync(StatePath, "dev", "pass-1", CancellationToken.None);
        (await act.Should().ThrowAsync<StateException>()).WithMessage("*not treated as empty*");
    }

    [Fact]
    public async Task Open_AFileFromANewerVersion_IsRefused()
    {
        await SaveOneAsync();
        File.WriteAllText(StatePath, File.ReadAllText(StatePath).Replace($"\"version\": {StackState.CurrentVersion}", "\"version\": 99", StringComparison.Ordinal));
        var act = () => StateStore.OpenAsync(StatePath, "dev", "pass-1", CancellationToken.None);
        (await act.Should().ThrowAsync<StateException>()).WithMessage("*newer BirdInfra*");
    }

    [Fact]
    public async Task Save_KeepsThePreviousFileAsABackup()
    {
        var (store, empty) = await StateStore.OpenAsync(StatePath, "dev", "pass-1", CancellationToken.None);
        var first = empty.WithResource(Key());
        await store.SaveAsync(first, CancellationToken.None);
        await store.SaveAsync(first.WithoutResource(Key().Address, Key().Id), CancellationToken.None);

        var (_, backup) = await StateStore.OpenAsync(store.BackupPath, "dev", "pass-1", CancellationToken.None);
        backup.Resources.Should().ContainSingle();
    }

    [Fact]
    public void Lock_IsNeverLeftHalfWritten_AndAKilledWriterOnlyLeavesItsOwnScratchFile()
    {
        var lockPath = Path.Combine(_dir, "state.lock");
        // A run killed while writing its lock leaves only its scratch file, never an empty, unattributable lock.
        File.WriteAllText($"{lockPath}.999999.tmp", string.Empty);

        using (var held = StateLock.Acquire(lockPath, "dev", "up"))
        {
            System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(lockPath))!["pid"]!.GetValue<int>().Should().Be(Environment.ProcessId);
            File.Exists($"{lockPath}.{Environment.ProcessId}.tmp").Should().BeFalse();
        }

        File.Exists(lockPath).Should().BeFalse();
    }

    [Fact]
    public void Lock_HeldByAnotherRun_IsRefusedWithWhoAndSince()
    {
        var path = Path.Combine(_dir, "state.lock");
        using var held = StateLock.Acquire(path, "dev", "up");
        var act = () => StateLock.Acquire(path, "dev", "up");
        act.Should().Throw<StateException>().WithMessage($"*locked*pid {Environment.ProcessId}*since*birdinfra unlock --stack dev*");
    }

    [Fact]
    public async Task Lock_LeftOnThisHostByAProcessThatIsGone_IsTakenOver()
    {
        // A killed `birdinfra up` leaves its lock file; the next run on the same host takes it over and says so.
        var path = Path.Combine(_dir, "state.lock");
        var deadPid = await PidOfAFinishedProcessAsync();
        File.WriteAllText(path, $$"""{"pid":{{deadPid}},"host":"{{Environment.MachineName}}","user":"ci","command":"up","since":"2025-01-01T00:00:00Z"}""");

        using var taken = StateLock.Acquire(path, "dev", "up");

        taken.TakenOverFrom.Should().Contain($"pid {deadPid}");
        var again = () => StateLock.Acquire(path, "dev", "up");
        again.Should().Throw<StateException>().WithMessage($"*pid {Environment.ProcessId}*");
    }

    [Fact]
    public async Task Lock_LeftOnAnotherHost_IsStillRefused()
    {
        var path = Path.Combine(_dir, "state.lock");
        var deadPid = await PidOfAFinishedProcessAsync();
        File.WriteAllText(path, $$"""{"pid":{{deadPid}},"host":"another-{{Environment.MachineName}}","user":"ci","command":"up","since":"2025-01-01T00:00:00Z"}""");

        var act = () => StateLock.Acquire(path, "dev", "up");

        act.Should().Throw<StateException>().WithMessage("*locked*another-*birdinfra unlock*");
    }

    private static async Task<int> PidOfAFinishedProcessAsync()
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("true") { UseShellExecute = false })!;
        await process.WaitForExitAsync();
        return process.Id;
    }

    private async Task SaveOneAsync()
    {
        var (store, empty) = await StateStore.OpenAsync(StatePath, "dev", "pass-1", CancellationToken.None);
        await store.SaveAsync(empty.WithResource(Key()), CancellationToken.None);
    }

    private static StateResource Key()
    {
        var inputs = PropertyMap.Empty
            .With("name", PropertyValue.String("cc"))
            .With("roleRefs", PropertyValue.List(PropertyValue.Map(PropertyMap.Empty.With("id", PropertyValue.String("r-1")))));
        return new StateResource(
            new ResourceAddress("AccessKey", "cc"),
            "k-1",
            inputs,
            inputs.With("id", PropertyValue.String("k-1")).With("token", PropertyValue.SecretString(Token)),
            ImmutableArray.Create(new ResourceAddress("AccessRole", "cc")));
    }
}
