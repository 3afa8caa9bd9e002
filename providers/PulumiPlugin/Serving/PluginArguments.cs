namespace BirdInfra.PulumiPlugin.Serving;

/// <summary>
/// The engine's argv: optional <c>--logtostderr</c>, <c>-v=N</c>, <c>--logflow</c>, <c>--tracing ENDPOINT</c>, then the
/// engine address as the only positional argument (absent when started by hand for debugging).
/// </summary>
public sealed record PluginArguments(string? EngineAddress, string? TracingEndpoint, bool LogToStderr)
{
    public static PluginArguments Parse(IReadOnlyList<string> args)
    {
        string? engine = null;
        string? tracing = null;
        var logToStderr = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--logtostderr")
            {
                logToStderr = true;
            }
            else if (arg == "--tracing" && i + 1 < args.Count)
            {
                tracing = args[++i];
            }
            else if (arg.StartsWith("--tracing=", StringComparison.Ordinal))
            {
                tracing = arg["--tracing=".Length..];
            }
            else if (arg.StartsWith('-'))
            {
                // -v=N, --logflow and flags of newer engines: nothing to do with them.
            }
            else
            {
                // The engine address is always last; keep the last positional argument.
                engine = arg;
            }
        }

        return new PluginArguments(engine, tracing, logToStderr);
    }
}
