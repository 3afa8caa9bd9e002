using BirdInfra.Export;

namespace BirdInfra.Commands;

/// <summary>
/// `birdinfra export`: prints, on stdout, a stack file declaring everything the stack's target holds in Bird, for
/// bringing a hand-built setup under management (then `import`). Needs only the file's `target:`; takes no lock, reads
/// no state and sends nothing but reads to Bird.
/// </summary>
public static class ExportCommand
{
    public static Task<int> RunAsync(CommandOptions options, ConsoleIO io, IBirdTargetFactory targets, CancellationToken cancellationToken) =>
        RunAsync(options, null, io, targets, cancellationToken);

    /// <param name="baseFile">`--base FILE` (a full path): write the stack as an overlay of that base, only what differs.</param>
    public static async Task<int> RunAsync(CommandOptions options, string? baseFile, ConsoleIO io, IBirdTargetFactory targets, CancellationToken cancellationToken)
    {
        if (baseFile is not null && !File.Exists(baseFile))
        {
            throw new UserError($"--base {baseFile}: no such file.");
        }

        var paths = new StackPaths(options.Root, options.Stack);

        // The secrets of declared resources are not needed (the file may hold only target:), the target's are, at connect.
        if (CommandStack.Load(paths, options, io, checkSecrets: false) is not { } stack)
        {
            return ExitCodes.Error;
        }

        io.Error.WriteLine($"Connecting to {stack.Target.Where}…");
        await using var target = await targets.ConnectAsync(stack.Target, paths, io.Environment, new SynchronousProgress(line => io.Error.WriteLine(line)), cancellationToken);
        io.Error.WriteLine($"Reading every access policy, role, access key, connector and webhook subscription of organization {target.OrganizationId}, workspace {target.WorkspaceId}…");
        var export = await StackExporter.ExportAsync(options.Kinds.For(stack.Target.KindOptions), target.Context(null), options.Stack, TargetBlock(paths.StackFile), cancellationToken);
        io.Out.Write(baseFile is null
            ? export.Text
            : OverlayExport.Write(export.Text, baseFile, Path.GetRelativePath(Path.GetDirectoryName(paths.StackFile)!, baseFile).Replace('\\', '/'), options.Kinds));
        io.Error.WriteLine($"Exported {export.Resources} Bird object(s).{(export.SecretVariables.IsEmpty ? string.Empty : $" Bird never returns secrets: set {string.Join(", ", export.SecretVariables)} before validate, import and up.")}");
        return ExitCodes.Success;
    }

    /// <summary>The <c>target:</c> key of the stack file and everything indented under it, as written (comments included).</summary>
    internal static string TargetBlock(string stackFile)
    {
        var lines = File.ReadAllLines(stackFile);
        var start = Array.FindIndex(lines, l => l.StartsWith("target:", StringComparison.Ordinal));
        if (start < 0)
        {
            throw new UserError($"{stackFile} has no target: section at the start of a line; export needs it to know which Bird to read.");
        }

        var end = start + 1;
        while (end < lines.Length && (lines[end].Length == 0 || char.IsWhiteSpace(lines[end][0]) || lines[end].StartsWith('#')))
        {
            end++;
        }

        while (end > start + 1 && (lines[end - 1].Trim().Length == 0 || lines[end - 1].StartsWith('#')))
        {
            end--;
        }

        return string.Join('\n', lines[start..end]);
    }
}
