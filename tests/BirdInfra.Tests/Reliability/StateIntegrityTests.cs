using System.Text;
using System.Text.RegularExpressions;
using BirdInfra.Tests.Support;

namespace BirdInfra.Tests.Reliability;

/// <summary>Point 4 through the CLI: a damaged or too-new state file stops every command with a clear error, before any call to Bird, leaving the file and its backup as they were.</summary>
[Trait("Category", "Slow")]
public sealed partial class StateIntegrityTests : IAsyncLifetime
{
    private StackWorkspace _ws = null!;

    public async Task InitializeAsync() => _ws = await StackWorkspace.CreateAsync();

    public async Task DisposeAsync() => await _ws.DisposeAsync();

    public static TheoryData<string> Damages() => ["truncated", "empty", "corrupted-bytes", "hand-edited-serial", "hand-edited-id", "checksum-removed", "version-not-a-number", "newer-version"];

    [Theory]
    [MemberData(nameof(Damages))]
    public async Task ADamagedStateFile_StopsEveryCommand_BeforeAnyCall_AndIsLeftAsItWas(string damage)
    {
        (await _ws.RunAsync("up", "--stack", "e2e", "--yes")).ExitCode.Should().Be(0);
        File.Exists(_ws.BackupFile).Should().BeTrue("every save keeps the previous state as a backup");
        var backup = File.ReadAllBytes(_ws.BackupFile);
        var damaged = Damage(File.ReadAllBytes(_ws.StateFile), damage);
        File.WriteAllBytes(_ws.StateFile, damaged);
        await _ws.ResetCallLogAsync();

        string[][] commands = [["up", "--yes"], ["preview"], ["preview", "--json"], ["refresh"], ["destroy", "--yes"]];
        foreach (var command in commands)
        {
            var run = await _ws.RunAsync([.. command, "--stack", "e2e"]);

            run.ExitCode.Should().Be(1, $"{string.Join(' ', command)} on a {damage} state: {run.All}");
            run.Error.Should().StartWith("error: The state file " + _ws.StateFile).And.Contain(_ws.BackupFile);
            run.Error.Should().Contain(damage == "newer-version" ? "written by a newer BirdInfra" : "It was not treated as empty");
            run.All.Should().NotContain("   at ", "no stack trace reaches the user");
            run.Out.Should().BeEmpty("no plan is made from a state that cannot be read");
        }

        (await _ws.CallsAsync()).Should().BeEmpty("nothing is read from or sent to Bird when the state cannot be used");
        File.ReadAllBytes(_ws.StateFile).Should().Equal(damaged, "the damaged file is left for the user to inspect");
        File.ReadAllBytes(_ws.BackupFile).Should().Equal(backup, "the backup is never overwritten by a failed run");
        File.Exists(_ws.LockFile).Should().BeFalse("a refused run releases its lock");
        Directory.GetFiles(Path.GetDirectoryName(_ws.StateFile)!, "*.tmp").Should().BeEmpty();
    }

    private static byte[] Damage(byte[] state, string damage)
    {
        var text = Encoding.UTF8.GetString(state);
        return damage switch
        {
            "truncated" => state[..(state.Length * 2 / 3)],
            "empty" => [],
            "corrupted-bytes" => Corrupt(state),
            "hand-edited-serial" => Replace(text, SerialPattern(), m => $"\"serial\": {long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) - 1}"),
            "hand-edited-id" => Replace(text, IdPattern(), m => "\"id\": \"edited-by-hand\""),
            "checksum-removed" => Replace(text, ChecksumPattern(), _ => string.Empty),
            "version-not-a-number" => Replace(text, VersionPattern(), _ => "\"version\": \"one\""),
            "newer-version" => Replace(text, VersionPattern(), _ => "\"version\": 99"),
            _ => throw new ArgumentOutOfRangeException(nameof(damage)),
        };
    }

    /// <summary>64 bytes in the middle overwritten with fixed noise, as a bad disk block would.</summary>
    private static byte[] Corrupt(byte[] state)
    {
        var copy = (byte[])state.Clone();
        var noise = new Random(7);
        for (var i = copy.Length / 2; i < copy.Length / 2 + 64; i++)
        {
            copy[i] = (byte)noise.Next(128, 256);
        }

        return copy;
    }

    private static byte[] Replace(string text, Regex pattern, MatchEvaluator replacement)
    {
        pattern.IsMatch(text).Should().BeTrue($"the state file has {pattern}");
        return Encoding.UTF8.GetBytes(pattern.Replace(text, replacement, 1));
    }

    [GeneratedRegex("\"serial\": ([0-9]+)")]
    private static partial Regex SerialPattern();

    [GeneratedRegex("\"id\": \"[^\"]+\"")]
    private static partial Regex IdPattern();

    [GeneratedRegex(",\\s*\"checksum\": \"[0-9a-f]+\"")]
    private static partial Regex ChecksumPattern();

    [GeneratedRegex("\"version\": [0-9]+")]
    private static partial Regex VersionPattern();
}
