using BirdInfra.Providers.StackFiles;
using BirdInfra.Tests.Support;
using Xunit.Abstractions;

namespace BirdInfra.Tests.Reliability;

/// <summary>
/// Point 5 across the scenarios of this issue: no known secret appears in plaintext in any stdout, stderr, JSON
/// plan, `output` (text or JSON, without --show-secrets), state file, backup, other file under .birdinfra, emulator log line, call log or delivery log.
/// </summary>
public sealed class SecretLeakTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly CapturingLoggerProvider _emulatorLog = new();
    private StackWorkspace _ws = null!;

    public async Task InitializeAsync() => _ws = await StackWorkspace.CreateAsync(emulatorLog: _emulatorLog);

    public async Task DisposeAsync() => await _ws.DisposeAsync();

    [Fact]
    public async Task NoKnownSecret_AppearsAnywhere_AcrossUpPreviewOutputExportImportRefreshDriftDestroyAndEveryRefusal()
    {
        var runs = new List<CliRun>
        {
            await _ws.RunAsync("preview", "--stack", "e2e"),
            await _ws.RunAsync("preview", "--stack", "e2e", "--json"),
            await _ws.RunAsync("up", "--stack", "e2e", "--yes"),
        };
        await _ws.LearnMintedSecretsAsync();
        runs.Add(await _ws.RunAsync("output", "--stack", "e2e"));
        runs.Add(await _ws.RunAsync("output", "--stack", "e2e", "--json"));
        runs.Add(await _ws.RunAsync("output", "--stack", "e2e", "accessKeyTokens"));
        runs.Add(await _ws.RunAsync("export", "--stack", "e2e"));
        runs.Add(await _ws.RunAsync("access", "--stack", "e2e"));
        runs.Add(await _ws.RunAsync("access", "--stack", "e2e", "--format", "markdown"));
        runs.Add(await _ws.RunAsync("access", "--stack", "e2e", "--json"));
        runs.Add(await _ws.RunAsync("access", "--stack", "e2e", "--probe"));
        runs.Add(await _ws.RunAsync("access", "--stack", "e2e", "--probe", "--json"));
        runs.Add(await _ws.RunAsync("access", "--stack", "e2e", "--json", "--request", "POST /workspaces/*/channels/*/messages", "--request", "GET /workspaces/*/conversations"));
        runs.Add(await _ws.RunAsync("import", "--stack", "e2e", "--yes"));
        _ws.Environment["WHATSAPP_ACCESS_TOKEN_2"] = "EAAG-second-known-token-0b1d";
        _ws.KnownSecrets.Add("EAAG-second-known-token-0b1d");
        _ws.EditStack("accessToken: { env: WHATSAPP_ACCESS_TOKEN }", "accessToken: { env: WHATSAPP_ACCESS_TOKEN_2 }");
        _ws.EditStack("https://contact-center.example.com/bird/channels", "https://contact-center.example.com/bird/channels-v2");
        runs.Add(await _ws.RunAsync("preview", "--stack", "e2e", "--json"));
        runs.Add(await _ws.RunAsync("up", "--stack", "e2e", "--yes"));
        runs.Add(await _ws.RunAsync("refresh", "--stack", "e2e"));
        runs.Add(await _ws.RunAsync("drift", "--stack", "e2e"));
        runs.Add(await _ws.RunAsync("drift", "--stack", "e2e", "--format", "json"));
        runs.Add(await _ws.RunAsync("drift", "--stack", "e2e", "--format", "markdown"));

        // Refusals: a guard, a locked stack, a wrong passphrase, a damaged state.
        File.AppendAllText(_ws.StackFile, "\nguards:\n  protect: [connectors, accessKeys]\n");
        _ws.EditStack("phoneNumber: \"+31612345678\"", "phoneNumber: \"+31612345679\"");
        var refusals = new List<CliRun> { await _ws.RunAsync("up", "--stack", "e2e", "--yes"), await _ws.RunAsync("preview", "--stack", "e2e", "--json") };
        File.WriteAllText(_ws.LockFile, "{\"pid\":1,\"host\":\"elsewhere\",\"user\":\"ops\",\"command\":\"up\",\"since\":\"2025-01-02T03:04:05Z\"}");
        refusals.Add(await _ws.RunAsync("up", "--stack", "e2e", "--yes"));
        refusals.Add(await _ws.RunAsync("unlock", "--stack", "e2e", "--yes"));
        _ws.Environment["BIRDINFRA_PASSPHRASE"] = "not-the-passphrase";
        refusals.Add(await _ws.RunAsync("preview", "--stack", "e2e"));
        _ws.Environment["BIRDINFRA_PASSPHRASE"] = StackWorkspace.Passphrase;
        var intact = File.ReadAllBytes(_ws.StateFile);
        File.WriteAllBytes(_ws.StateFile, intact[..(intact.Length / 2)]);
        refusals.Add(await _ws.RunAsync("preview", "--stack", "e2e"));
        File.WriteAllBytes(_ws.StateFile, intact);
        File.WriteAllText(_ws.StackFile, File.ReadAllText(_ws.StackFile).Replace("\nguards:\n  protect: [connectors, accessKeys]\n", "\n", StringComparison.Ordinal));
        runs.Add(await _ws.RunAsync("destroy", "--stack", "e2e", "--yes"));
        runs.Should().OnlyContain(r => r.ExitCode == 0);
        refusals.Select(r => r.ExitCode).Should().Equal(1, 1, 1, 0, 1, 1);

        var scanned = new List<(string Where, string Text)>();
        foreach (var (run, i) in runs.Concat(refusals).Select((r, i) => (r, i)))
        {
            scanned.Add(($"run {i} stdout", run.Out));
            scanned.Add(($"run {i} stderr", run.Error));
        }

        foreach (var file in Directory.GetFiles(Path.Combine(_ws.Root, ".birdinfra"), "*", SearchOption.AllDirectories))
        {
            scanned.Add((file, File.ReadAllText(file)));
        }

        scanned.AddRange(_emulatorLog.Lines.Select((line, i) => ($"emulator log line {i}", line)));
        scanned.Add(("emulator call log", (await _ws.GetAsync("/_emulator/calls")).GetRawText()));
        scanned.Add(("emulator delivery log", (await _ws.GetAsync("/_emulator/deliveries")).GetRawText()));

        var hits = scanned.SelectMany(s => _ws.KnownSecrets.Where(secret => s.Text.Contains(secret, StringComparison.Ordinal)).Select(secret => $"{s.Where}: '{secret[..4]}…'")).ToList();
        output.WriteLine($"scanned {scanned.Count} streams/files/log lines, {scanned.Sum(s => s.Text.Split('\n').Length)} lines, {scanned.Sum(s => s.Text.Length)} characters, for {_ws.KnownSecrets.Count} secrets: {hits.Count} hits");
        _emulatorLog.Lines.Should().HaveCountGreaterThan(50, "the emulator log is really captured (requests are logged at Information)");
        scanned.Should().Contain(s => s.Where.EndsWith("state.json.bak", StringComparison.Ordinal));
        hits.Should().BeEmpty("no secret may appear in plaintext anywhere");
    }
}
