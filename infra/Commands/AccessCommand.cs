using BirdInfra.Access;
using BirdInfra.Providers.AccessEvaluation;
using BirdInfra.Providers.StackFiles;
using BirdInfra.Stacks;

namespace BirdInfra.Commands;

/// <summary>
/// `birdinfra access`: what each declared access key can do, computed offline from the stack's policies (every policy a
/// stack's role holds is declared in it). Per key its permission rows with their source and, over a catalogue of Bird's
/// API, what it may and may not do; with `--request "METHOD PATH"` the answer for those requests. Sends nothing to Bird.
/// Exit 0 when it could evaluate, 1 on an error or when a key breaks an expectation of the stack.
/// </summary>
public static class AccessCommand
{
    /// <summary>
    /// `access --probe`: after `up`, sends each catalogue operation with each key's own token (from state) and compares
    /// Bird's 403-or-not with the evaluator; exit 1 when any answer disagrees. Reads state and Bird, changes nothing.
    /// </summary>
    public static Task<int> ProbeAsync(CommandOptions options, string? key, ConsoleIO io, IBirdTargetFactory targets, CancellationToken cancellationToken) =>
        CommandSession.RunAsync(options, "access", io, targets, session => ProbeAsync(session, options, key, io, cancellationToken), cancellationToken);

    private static async Task<int> ProbeAsync(StackSession session, CommandOptions options, string? key, ConsoleIO io, CancellationToken cancellationToken)
    {
        var displayFile = Path.GetRelativePath(options.Root, session.Paths.StackFile).Replace('\\', '/');
        var model = AccessModel.Of(session.Kinds);
        var keys = StackAccess.Keys(model, session.Stack, displayFile).Where(k => key is null || k.Key == key).ToList();
        using var http = new HttpClient { BaseAddress = new Uri(session.Target.Client.Options.Endpoint.ToString().TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(30) };
        var results = new List<AccessProbeResult>();
        foreach (var k in keys)
        {
            var resource = session.Refresh.State.Find(new Providers.Expressions.ResourceAddress(model!.Key.Name, k.Key));
            if (resource?.Outputs[model.Key.Part.Token!] is not { } token || token.RevealString() is not { Length: > 0 } secret)
            {
                io.Error.WriteLine($"warning: access key '{k.Key}' has no token in state (not created yet, or created outside BirdInfra): not probed.");
                continue;
            }

            results.AddRange(await AccessProbe.RunAsync(http, k.Key, k.Subject, secret, session.Target.OrganizationId, session.Target.WorkspaceId, cancellationToken));
        }

        io.Out.Write(options.Format switch
        {
            PlanFormat.Json => AccessJsonRenderer.RenderProbes(results) + Environment.NewLine,
            _ => AccessTextRenderer.RenderProbes(results),
        });
        var disagreements = results.Count(r => !r.Agrees);
        if (disagreements > 0 || results.Any(r => r.Mutated))
        {
            io.Error.WriteLine($"error: {disagreements} of {results.Count} probes disagree with what BirdInfra computes{(results.Any(r => r.Mutated) ? "; a probe changed Bird" : string.Empty)}.");
            return ExitCodes.Error;
        }

        io.Error.WriteLine($"{results.Count} probes agree with what BirdInfra computes.");
        return ExitCodes.Success;
    }

    public static int Run(CommandOptions options, string? key, IReadOnlyList<string> requests, ConsoleIO io)
    {
        var paths = new StackPaths(options.Root, options.Stack);
        if (!File.Exists(paths.StackFile))
        {
            // Throws the same "No stack file ...; stacks here: ..." error every command gives.
            StackSession.Load(paths, options.Kinds, io.Environment, checkSecrets: false);
        }

        // Expectations are checked below, after the report: a key that breaks one is still shown.
        var load = StackLoader.Load(paths.StackFile, new StackLoadOptions(io.Environment, CheckSecretsAvailable: false, CheckExpectations: false) { Kinds = options.Kinds });
        if (load.Stack is not { } stack)
        {
            io.WriteDiagnostics(load.Diagnostics);
            return ExitCodes.Error;
        }

        var displayFile = Path.GetRelativePath(options.Root, paths.StackFile).Replace('\\', '/');
        var model = AccessModel.Of(options.Kinds);
        var keys = StackAccess.Keys(model, stack, displayFile);
        if (key is not null)
        {
            keys = [.. keys.Where(k => k.Key == key)];
            if (keys.IsEmpty)
            {
                if (model?.Key.Section is not { } section)
                {
                    throw new UserError($"The stack declares no access key '{key}'.");
                }

                var declared = stack.In(section).Select(e => e.LogicalName).ToList();
                throw new UserError($"The stack declares no access key '{key}'. Declared in {section}: {(declared.Count == 0 ? "none" : string.Join(", ", declared))}.");
            }
        }

        var parsed = requests.Select(r => Parse(r, stack.Target, io)).ToList();
        if (parsed.Count > 0)
        {
            var results = keys.SelectMany(k => parsed.Select(r => new AccessRequestResult(k.Key, r.Method, r.Path, Evaluate(k, r.Method, r.Path)))).ToList();
            io.Out.Write(options.Format switch
            {
                PlanFormat.Json => AccessJsonRenderer.RenderRequests(results) + Environment.NewLine,
                _ => AccessTextRenderer.RenderRequests(results),
            });
        }
        else
        {
            var reports = keys.Select(KeyAccessReport.Of).ToList();
            io.Out.Write(options.Format switch
            {
                PlanFormat.Json => AccessJsonRenderer.Render(reports) + Environment.NewLine,
                PlanFormat.Markdown => AccessMarkdownRenderer.Render(options.Stack, reports),
                _ => AccessTextRenderer.Render(options.Stack, reports),
            });
        }

        var broken = ExpectationCheck.Run(stack, StackAccess.Keys(model, stack, displayFile))
            .Where(d => key is null || stack.Expectations.Any(e => e.Key == key && e.Location == d.Location))
            .ToImmutableArray();
        if (!broken.IsEmpty)
        {
            io.WriteDiagnostics(broken, "the stack's keys break their expectations");
            return ExitCodes.Error;
        }

        return ExitCodes.Success;
    }

    private static AccessOutcome Evaluate(KeyAccess key, string method, string path) => AccessEvaluator.ForEveryId(key.Subject, method, path);

    /// <summary>"METHOD PATH"; the target's ids, when the stack knows them, are written as the policies write them.</summary>
    private static (string Method, string Path) Parse(string request, TargetDefinition target, ConsoleIO io)
    {
        var parts = request.Split(' ', 2, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || AccessActions.ForMethod(parts[0]) is null || !parts[1].StartsWith('/'))
        {
            throw new UserError($"--request '{request}' is not \"METHOD PATH\", e.g. --request \"POST /workspaces/${{workspaceId}}/channels/*/messages\" (methods: GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE; '*' = any id).");
        }

        var organization = target.OrganizationId?.Resolve(io.Environment);
        var workspace = target.WorkspaceId?.Resolve(io.Environment);
        var segments = AccessPath.Segments(parts[1]).Select(s => s == organization ? "${organizationId}" : s == workspace ? "${workspaceId}" : s);
        var path = "/" + string.Join('/', segments) + (parts[1].Length > 1 && parts[1].EndsWith('/') ? "/" : string.Empty);
        return (parts[0].ToUpperInvariant(), path);
    }
}
