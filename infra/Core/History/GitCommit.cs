using System.Diagnostics;

namespace BirdInfra.History;

/// <summary>The git commit a stack file is at, asked of `git` itself; null when it is not in a repository or git is missing.</summary>
public static class GitCommit
{
    /// <returns>HEAD's commit and whether the stack file differs from it, or null.</returns>
    public static async Task<(string Commit, bool Modified)?> FindAsync(string stackFile, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(stackFile))!;
        var head = await GitAsync(folder, cancellationToken, "rev-parse", "--verify", "HEAD");
        if (head is not { Length: 40 })
        {
            return null;
        }

        var status = await GitAsync(folder, cancellationToken, "status", "--porcelain", "--", Path.GetFileName(stackFile));
        return (head, status is null || status.Length > 0);
    }

    private static async Task<string?> GitAsync(string folder, CancellationToken cancellationToken, params string[] args)
    {
        var info = new ProcessStartInfo("git")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(info);
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            _ = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            return process.ExitCode == 0 ? (await output).Trim() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
