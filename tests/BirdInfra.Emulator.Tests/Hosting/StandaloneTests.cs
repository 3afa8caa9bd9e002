using System.Diagnostics;
using BirdInfra.Emulator.Tests.Support;

namespace BirdInfra.Emulator.Tests.Hosting;

/// <summary>The built emulator program, run as a separate process (the built dll, not <c>dotnet run</c>, to stay fast).</summary>
public sealed class StandaloneTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("birdinfra-standalone-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Start_PrintsIdentityAndUrl_ServesTheApi_AndRestartWithDataPrintsTheSameIdentity()
    {
        var data = Path.Combine(_dir, "emulator.json");
        var first = await RunUntilListeningAsync("--urls", "http://127.0.0.1:0", "--channel-delay", "0.2", "--data", data);
        Dictionary<string, string> firstLines;
        try
        {
            firstLines = first.Lines;
            using var http = new HttpClient { BaseAddress = new Uri(first.Lines["listening"] + "/") };
            var api = new BirdApi(http, first.Lines["adminAccessKey"]);
            (await api.GetAsync($"organizations/{first.Lines["organizationId"]}/workspaces")).ShouldBe(200)
                .ResultIds.Should().Equal(first.Lines["workspaceId"]);
        }
        finally
        {
            first.Process.Kill(entireProcessTree: true);
            await first.Process.WaitForExitAsync();
        }

        var second = await RunUntilListeningAsync("--urls", "http://127.0.0.1:0", "--data", data);
        try
        {
            foreach (var key in new[] { "organizationId", "workspaceId", "adminAccessKey" })
            {
                second.Lines[key].Should().Be(firstLines[key]);
            }
        }
        finally
        {
            second.Process.Kill(entireProcessTree: true);
            await second.Process.WaitForExitAsync();
        }
    }

    [Theory]
    [InlineData("--channel-delay", "soon")]
    [InlineData("--organization-id", "not-a-uuid")]
    [InlineData("--bogus")]
    [InlineData("--urls")]
    public async Task BadOption_ExitsWith1_AndAMessage_NoStackTrace(params string[] args)
    {
        var (code, stdout, stderr) = await RunToExitAsync(args);

        code.Should().Be(1);
        stderr.Should().StartWith("error: ").And.NotContain("   at ");
        stdout.Should().BeEmpty();
    }

    [Fact]
    public async Task Help_DocumentsTheOptions()
    {
        var (code, stdout, _) = await RunToExitAsync("--help");

        code.Should().Be(0);
        stdout.Should().Contain("--data").And.Contain("--organization-id").And.Contain("--workspace-id").And.Contain("--admin-key")
            .And.Contain("--channel-delay").And.Contain("--allow-http-webhooks").And.Contain("--urls");
    }

    private static ProcessStartInfo StartInfo(string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(EmulatorDll());
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return info;
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunToExitAsync(params string[] args)
    {
        using var process = Process.Start(StartInfo(args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    private static async Task<(Process Process, Dictionary<string, string> Lines)> RunUntilListeningAsync(params string[] args)
    {
        var process = Process.Start(StartInfo(args))!;
        var lines = new Dictionary<string, string>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            while (!lines.ContainsKey("listening"))
            {
                var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
                    ?? throw new InvalidOperationException($"emulator exited early: {await process.StandardError.ReadToEndAsync()}");
                var colon = line.IndexOf(": ", StringComparison.Ordinal);
                if (colon > 0)
                {
                    lines.TryAdd(line[..colon], line[(colon + 2)..]);
                }
            }
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        lines.Keys.Should().Contain(["organizationId", "workspaceId", "adminAccessKey", "listening"]);
        return (process, lines);
    }

    /// <summary>The emulator dll next to the tests (copied by the project reference) or in the emulator's own bin folder.</summary>
    private static string EmulatorDll()
    {
        var local = Path.Combine(AppContext.BaseDirectory, "BirdInfra.Emulator.dll");
        if (File.Exists(Path.Combine(AppContext.BaseDirectory, "BirdInfra.Emulator.runtimeconfig.json")))
        {
            return local;
        }

        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "emulator")))
        {
            dir = dir.Parent;
        }

        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        return Path.Combine(dir!.FullName, "emulator", "bin", configuration, "net10.0", "BirdInfra.Emulator.dll");
    }
}
