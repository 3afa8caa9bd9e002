using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BirdInfra.Providers.Client;

namespace BirdInfra.Commands;

/// <summary>
/// Runs one read-only command (validate, preview, drift, output) for many stacks in one process (<c>--stacks GLOB</c>,
/// <c>--all</c>), at most <see cref="DefaultParallelism"/> at once, each with its own output buffers, target and HTTP client, then prints
/// the output grouped per stack and a summary table. The exit code: 1 if any stack gave 1, else 2 if any gave 2,
/// else 3 if any gave 3, else 0. A stack that fails (to load, to connect) is reported and the others still run.
/// </summary>
public static class ManyStacksCommand
{
    /// <summary>Stacks run at once: each mostly waits on Bird, so more than the cores.</summary>
    public const int DefaultParallelism = 8;

    /// <param name="runOne">Runs the command for one stack into its own console; returns the exit code and the summary row's figures.</param>
    public static async Task<int> RunAsync(
        CommandOptions options,
        IReadOnlyList<string> stacks,
        bool json,
        ConsoleIO io,
        Func<CommandOptions, ConsoleIO, CancellationToken, Task<(int ExitCode, JsonObject Figures)>> runOne,
        CancellationToken cancellationToken)
    {
        using var gate = new SemaphoreSlim(DefaultParallelism);
        var runs = await Task.WhenAll(stacks.Select(async stack =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                return await RunOneAsync(options with { Stack = stack }, io, runOne, cancellationToken);
            }
            finally
            {
                gate.Release();
            }
        }));

        var summary = new JsonArray([.. runs.Select(r => (JsonNode)Row(r))]);
        if (json)
        {
            var documents = new JsonObject();
            foreach (var run in runs)
            {
                documents[run.Stack] = ParseOrNull(run.Out);
                WriteGrouped(io.Error, run.Stack, run.Error);
            }

            io.Out.WriteLine(new JsonObject { ["stacks"] = documents, ["summary"] = summary }.ToJsonString(JsonText.IndentedRelaxed));
        }
        else
        {
            var markdown = options.Format == PlanFormat.Markdown;
            foreach (var run in runs)
            {
                WriteGrouped(io.Error, run.Stack, run.Error);
                WriteGrouped(io.Out, run.Stack, run.Out, markdown);
            }

            io.Out.Write(markdown ? MarkdownTable(summary) : Table(summary));
        }

        return Combined(runs.Select(r => r.ExitCode));
    }

    /// <summary>1 if any stack gave 1, else 2 if any gave 2, else 3 if any gave 3, else 0 (cli-conventions.md).</summary>
    public static int Combined(IEnumerable<int> codes)
    {
        var all = codes.ToList();
        return all.Contains(1) ? 1 : all.Contains(2) ? 2 : all.Contains(3) ? 3 : all.Any(c => c != 0) ? 1 : 0;
    }

    private static async Task<StackRun> RunOneAsync(
        CommandOptions options,
        ConsoleIO io,
        Func<CommandOptions, ConsoleIO, CancellationToken, Task<(int ExitCode, JsonObject Figures)>> runOne,
        CancellationToken cancellationToken)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var own = io with { Out = output, Error = error, Confirm = _ => false, OutIsTerminal = false };
        int code;
        JsonObject figures;
        try
        {
            (code, figures) = await runOne(options, own, cancellationToken);
        }
        catch (Exception e) when (e is UserError or StateException or BirdApiException)
        {
            error.WriteLine("error: " + e.Message);
            (code, figures) = (ExitCodes.Error, new JsonObject());
        }

        return new StackRun(options.Stack, code, figures, output.ToString(), error.ToString());
    }

    private static JsonObject Row(StackRun run)
    {
        var row = new JsonObject { ["stack"] = run.Stack, ["exitCode"] = run.ExitCode };
        foreach (var (key, value) in run.Figures)
        {
            row[key] = value?.DeepClone();
        }

        return row;
    }

    private static string Table(JsonArray summary)
    {
        var columns = summary.SelectMany(r => r!.AsObject().Select(p => p.Key)).Distinct().ToList();
        var rows = summary.Select(r => columns.Select(c => r![c] is { } v ? v.ToString() : string.Empty).ToList()).ToList();
        var widths = columns.Select((c, i) => Math.Max(Header(c).Length, rows.Select(r => r[i].Length).DefaultIfEmpty(0).Max())).ToList();
        var text = new StringBuilder("\n");
        text.AppendJoin("  ", columns.Select((c, i) => Header(c).PadRight(widths[i]))).Append('\n');
        foreach (var row in rows)
        {
            text.AppendJoin("  ", row.Select((v, i) => v.PadRight(widths[i]))).Append('\n');
        }

        return string.Join('\n', text.ToString().Split('\n').Select(l => l.TrimEnd()));
    }

    private static string MarkdownTable(JsonArray summary)
    {
        var columns = summary.SelectMany(r => r!.AsObject().Select(p => p.Key)).Distinct().ToList();
        var text = new StringBuilder("\n### Summary\n\n| ");
        text.AppendJoin(" | ", columns.Select(Header)).Append(" |\n|");
        text.Append(string.Concat(columns.Select(_ => "---|"))).Append('\n');
        foreach (var row in summary)
        {
            text.Append("| ").AppendJoin(" | ", columns.Select(c => row![c] is { } v ? v.ToString() : string.Empty)).Append(" |\n");
        }

        return text.ToString();
    }

    private static string Header(string key) => key == "exitCode" ? "exit" : key;

    private static void WriteGrouped(TextWriter writer, string stack, string text, bool markdown = false)
    {
        if (text.Length == 0)
        {
            return;
        }

        writer.WriteLine(markdown ? $"## Stack `{stack}`\n" : $"=== {stack} ===");
        writer.Write(text.EndsWith('\n') ? text : text + "\n");
    }

    private static JsonNode? ParseOrNull(string text)
    {
        try
        {
            return text.Trim().Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record StackRun(string Stack, int ExitCode, JsonObject Figures, string Out, string Error);
}
