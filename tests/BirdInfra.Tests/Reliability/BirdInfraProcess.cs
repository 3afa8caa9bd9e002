using System.Diagnostics;
using System.Text;
using BirdInfra.Tests.Support;

namespace BirdInfra.Tests.Reliability;

/// <summary>
/// The real built `birdinfra` (infra/bin/&lt;the test's configuration&gt;/net10.0/birdinfra.dll) run as a child process in a
/// workspace, with only the workspace's environment for Bird and BirdInfra, so it can be killed like a user's run.
/// </summary>
public sealed class BirdInfraProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _out = new();
    private readonly StringBuilder _error = new();

    private BirdInfraProcess(Process process)
    {
        _process = process;
        Started = Stopwatch.StartNew();
    }

    public static string Dll { get; } = FindDll();

    public Stopwatch Started { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public static BirdInfraProcess Start(StackWorkspace ws, params string[] args) => Start(ws, "dotnet", [], args);

    /// <summary>
    /// Like <see cref="Start(StackWorkspace, string[])"/>, but <c>sh</c> first runs <paramref name="prepare"/> in the
    /// process that then becomes `birdinfra` (exec keeps the pid): <c>$$</c> in it is the run's pid, so it can lay out
    /// files the run will name after itself.
    /// </summary>
    public static BirdInfraProcess StartAfter(StackWorkspace ws, string prepare, params string[] args) =>
        Start(ws, "sh", ["-c", prepare + " && exec dotnet \"$@\"", "sh"], args);

    private static BirdInfraProcess Start(StackWorkspace ws, string program, string[] programArgs, string[] args)
    {
        var info = new ProcessStartInfo(program)
        {
            WorkingDirectory = ws.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in programArgs)
        {
            info.ArgumentList.Add(arg);
        }

        info.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("BIRD", StringComparison.Ordinal) || k.StartsWith("WHATSAPP", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(name);
        }

        foreach (var (name, value) in ws.Environment)
        {
            info.Environment[name] = value;
        }

        var process = new Process { StartInfo = info };
        var child = new BirdInfraProcess(process);
        process.OutputDataReceived += (_, e) => child.Append(child._out, e.Data);
        process.ErrorDataReceived += (_, e) => child.Append(child._error, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Completes when the process has exited.</summary>
    public Task ExitedAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    /// <summary>SIGKILL on Linux: no handler, no finally block, no lock release runs.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    /// <summary>Waits for the exit (bounded by <paramref name="timeout"/>) and returns what the run printed.</summary>
    public async Task<CliRun> WaitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            await _process.WaitForExitAsync(CancellationToken.None);
            throw new TimeoutException($"birdinfra did not finish within {timeout.TotalSeconds:0} s:\n{Text(_error)}");
        }

        // WaitForExit without a token also waits for the redirected streams to reach their end.
        _process.WaitForExit();
        return new CliRun(_process.ExitCode, Text(_out), Text(_error));
    }

    public void Dispose() => _process.Dispose();

    private void Append(StringBuilder buffer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (buffer)
        {
            buffer.AppendLine(line);
        }
    }

    private static string Text(StringBuilder buffer)
    {
        lock (buffer)
        {
            return buffer.ToString();
        }
    }

    private static string FindDll()
    {
        // The test runs from tests/BirdInfra.Tests/bin/<configuration>/net10.0/; the CLI was built next to it in infra/.
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = framework.Parent!.Name;
        var dll = RepoPaths.Of("infra", "bin", configuration, framework.Name, "birdinfra.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build the solution first: {dll} is missing.");
    }
}
