using System.Diagnostics;
using BirdInfra.Tests.Reliability;
using BirdInfra.Tests.Support;

namespace BirdInfra.Tests.EndToEnd;

/// <summary>
/// The real `birdinfra preview` colours its text on a pseudo-terminal (util-linux `script`, or python3's pty module)
/// and never when stdout is redirected, NO_COLOR is set or --no-color is given.
/// </summary>
[Trait("Category", "Slow")]
public sealed class TerminalColourTests : IAsyncLifetime
{
    /// <summary>A colour (SGR) sequence; .NET itself writes other sequences to a terminal (keypad mode), which are not colour.</summary>
    private const string Colour = @"\u001b\[[0-9;]*m";

    private StackWorkspace _ws = null!;

    public async Task InitializeAsync() => _ws = await StackWorkspace.CreateAsync();

    public async Task DisposeAsync() => await _ws.DisposeAsync();

    [Fact]
    public async Task Preview_OnAPseudoTerminal_IsColouredByAction_AndPlainWhenRedirectedOrAskedNotTo()
    {
        (await _ws.RunAsync("up", "--stack", "e2e", "--yes")).ExitCode.Should().Be(0);
        _ws.EditStack("https://contact-center.example.com/bird/channels", "https://contact-center.example.com/bird/channels-v2");
        _ws.EditStack("phoneNumber: \"+31612345678\"", "phoneNumber: \"+31612345679\"");
        var fresh = await StackWorkspace.CreateAsync();
        await using var _ = fresh;

        var onTerminal = await RunAsync(_ws, terminal: true, noColorVariable: false, "preview", "--stack", "e2e");
        var firstUp = await RunAsync(fresh, terminal: true, noColorVariable: false, "preview", "--stack", "e2e");
        var redirected = await RunAsync(_ws, terminal: false, noColorVariable: false, "preview", "--stack", "e2e");
        var noColorVariable = await RunAsync(_ws, terminal: true, noColorVariable: true, "preview", "--stack", "e2e");
        var noColorFlag = await RunAsync(_ws, terminal: true, noColorVariable: false, "preview", "--stack", "e2e", "--no-color");

        onTerminal.Should().Contain("\u001b[33m~ WebhookSubscription.channel-created\u001b[0m", "update is yellow")
            .And.Contain("\u001b[35m-/+ Connector.main-number\u001b[0m", "replace is magenta")
            .And.Contain("\u001b[2m3 unchanged\u001b[0m", "unchanged is dim");
        firstUp.Should().Contain("\u001b[32m+ AccessPolicy.contact-center\u001b[0m", "create is green");
        redirected.Should().Contain("~ WebhookSubscription.channel-created").And.NotMatchRegex(Colour);
        noColorVariable.Should().Contain("~ WebhookSubscription.channel-created").And.NotMatchRegex(Colour);
        noColorFlag.Should().Contain("~ WebhookSubscription.channel-created").And.NotMatchRegex(Colour);

        _ws.EditStack("phoneNumber: \"+31612345679\"", "phoneNumber: \"+31612345678\"");
        _ws.RemoveStackEntries("channel-created");
        var delete = await RunAsync(_ws, terminal: true, noColorVariable: false, "preview", "--stack", "e2e");
        delete.Should().Contain("\u001b[31m- WebhookSubscription.channel-created\u001b[0m", "delete is red");
    }

    /// <summary>Runs the built birdinfra with the workspace's environment, on a pseudo-terminal or with stdout redirected; returns stdout.</summary>
    private static async Task<string> RunAsync(StackWorkspace ws, bool terminal, bool noColorVariable, params string[] args)
    {
        var command = new List<string> { "dotnet", BirdInfraProcess.Dll };
        command.AddRange(args);
        var info = terminal ? OnPseudoTerminal(command) : Direct(command);
        info.WorkingDirectory = ws.Root;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.RedirectStandardInput = true;
        info.UseShellExecute = false;
        info.Environment.Remove("NO_COLOR");
        foreach (var (name, value) in ws.Environment)
        {
            info.Environment[name] = value;
        }

        if (noColorVariable)
        {
            info.Environment["NO_COLOR"] = "1";
        }

        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(deadline.Token);
        var text = await output;
        process.ExitCode.Should().Be(0, text + await error);
        return text;
    }

    private static ProcessStartInfo Direct(List<string> command)
    {
        var info = new ProcessStartInfo(command[0]);
        foreach (var arg in command.Skip(1))
        {
            info.ArgumentList.Add(arg);
        }

        return info;
    }

    /// <summary>util-linux `script` gives the command a pseudo-terminal as stdout; without it, python3's pty module does.</summary>
    private static ProcessStartInfo OnPseudoTerminal(List<string> command)
    {
        if (File.Exists("/usr/bin/script") || File.Exists("/bin/script"))
        {
            var info = new ProcessStartInfo("script");
            foreach (var arg in new[] { "-q", "-e", "-c", string.Join(' ', command.Select(Quote)), "/dev/null" })
            {
                info.ArgumentList.Add(arg);
            }

            return info;
        }

        var python = new ProcessStartInfo("python3");
        python.ArgumentList.Add("-c");
        python.ArgumentList.Add("import os, pty, sys; status = pty.spawn(sys.argv[1:]); sys.exit(os.waitstatus_to_exitcode(status))");
        foreach (var arg in command)
        {
            python.ArgumentList.Add(arg);
        }

        return python;
    }

    private static string Quote(string arg) => "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
