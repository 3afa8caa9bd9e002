using BirdInfra.Commands;
using BirdInfra.Graph;
using BirdInfra.Providers.PulumiWire;
using BirdInfra.Providers.StackFiles;
using BirdInfra.Providers.StackFiles.ValueSources;
using BirdInfra.PulumiProgram.Rpc;
using BirdInfra.Stacks;
using Grpc.Core;

namespace BirdInfra.PulumiProgram;

/// <summary>
/// The program as <c>pulumi preview</c>/<c>pulumi up</c> runs it: reads <c>stacks/$PULUMI_STACK.yaml</c>, compiles the same
/// graph as the built-in engine, registers it with the engine, and exits 0; on any problem it logs an ERROR through
/// Engine.Log and exits 32 ("bail": the CLI shows the logged error and no extra message).
/// </summary>
public static class ProgramRunner
{
    /// <summary>The language host's "bail" exit code: the failure has already been reported.</summary>
    public const int Bail = 32;

    /// <summary>The kinds the program registers: the Pulumi program's host is composed here.</summary>
    private static readonly KindRegistry Kinds = BirdKinds.Default;

    public static async Task<int> RunAsync(Func<string, string?> environment, string currentDirectory, TextWriter stderr, CancellationToken cancellationToken)
    {
        ProgramSettings settings;
        try
        {
            settings = ProgramSettings.Read(environment, currentDirectory);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            await stderr.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
            return ExitCodes.Error;
        }

        using var monitorChannel = EngineChannel.Open(settings.MonitorAddress);
        using var engineChannel = settings.EngineAddress is { } engine ? EngineChannel.Open(engine) : null;
        var log = new EngineLogClient(engineChannel, stderr);
        try
        {
            var graph = await CompileAsync(settings, environment, log, cancellationToken).ConfigureAwait(false);
            if (graph is null)
            {
                return Bail;
            }

            var (stack, kinds) = graph.Value;
            var monitor = new ResourceMonitorClient(monitorChannel);
            var registrar = new StackRegistrar(
                settings,
                monitor,
                log,
                kinds,
                PackageVersion.Current,
                settings.Config.Get("randomVersion") ?? PulumiTokens.DefaultRandomVersion);
            if (!await registrar.RegisterAsync(stack, cancellationToken).ConfigureAwait(false))
            {
                return Bail;
            }

            await monitor.SignalAndWaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        }
        catch (RegistrationFailedException e)
        {
            await log.ErrorAsync(e.Message, e.Urn, CancellationToken.None).ConfigureAwait(false);
            return Bail;
        }
        catch (RpcException e)
        {
            await log.ErrorAsync($"Lost the Pulumi engine: {e.Status.StatusCode} ({(int)e.Status.StatusCode}): {e.Status.Detail}", null, CancellationToken.None).ConfigureAwait(false);
            return Bail;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await stderr.WriteLineAsync("Cancelled.").ConfigureAwait(false);
            return ExitCodes.Error;
        }
    }

    /// <summary>The stack's graph and kinds, or null after logging every problem of the stack file.</summary>
    private static async Task<(DesiredGraph Graph, KindRegistry Kinds)?> CompileAsync(
        ProgramSettings settings, Func<string, string?> environment, EngineLogClient log, CancellationToken cancellationToken)
    {
        var file = settings.StackFile;
        var shown = Path.GetRelativePath(settings.RootDirectory, file);
        if (!File.Exists(file))
        {
            await log.ErrorAsync($"No stack file {shown} for Pulumi stack '{settings.Stack}': create it (see stacks/README.md), or select a stack that has one.", null, cancellationToken).ConfigureAwait(false);
            return null;
        }

        var load = StackLoader.Load(file, new StackLoadOptions(environment, CheckSecretsAvailable: true, HasConfig: settings.Config.Has, CheckTargetEnvironment: false) { Kinds = Kinds });
        if (load.Stack is not { } stack)
        {
            foreach (var diagnostic in load.Diagnostics)
            {
                await (diagnostic.IsError
                    ? log.ErrorAsync(diagnostic.ToString(), null, cancellationToken)
                    : log.LogAsync(EngineProtos.LogSeverity.Warning, diagnostic.ToString(), null, cancellationToken)).ConfigureAwait(false);
            }

            var errors = load.Errors.Length;
            await log.ErrorAsync($"{shown} has {errors} problem{(errors == 1 ? string.Empty : "s")}; nothing was registered.", null, cancellationToken).ConfigureAwait(false);
            return null;
        }

        foreach (var warning in load.Warnings)
        {
            await log.LogAsync(EngineProtos.LogSeverity.Warning, warning.ToString(), null, cancellationToken).ConfigureAwait(false);
        }

        var organizationId = Id(settings, stack.Target.OrganizationId, "organizationId", environment);
        var workspaceId = Id(settings, stack.Target.WorkspaceId, "workspaceId", environment);
        var missing = new[] { ("organizationId", organizationId), ("workspaceId", workspaceId) }.Where(i => i.Item2 is null).Select(i => i.Item1).ToList();
        if (missing.Count > 0)
        {
            foreach (var name in missing)
            {
                await log.ErrorAsync($"bird:{name} is not set for stack '{settings.Stack}': run `pulumi config set bird:{name} <uuid>` (Bird shows it under Settings).", null, cancellationToken).ConfigureAwait(false);
            }

            return null;
        }

        try
        {
            var plainConfig = new SortedSet<string>(StringComparer.Ordinal);
            string? Secret(SecretSource source)
            {
                if ((source.EnvironmentVariable is { } variable ? environment(variable) : null) is { Length: > 0 } fromEnvironment)
                {
                    return fromEnvironment;
                }

                if (source.ConfigKey is { } key && settings.Config.Get(key) is { } fromConfig)
                {
                    if (!settings.Config.IsSecret(key))
                    {
                        plainConfig.Add(settings.Config.FullKey(key));
                    }

                    return fromConfig;
                }

                return null;
            }

            var compiled = StackCompiler.Compile(stack, Kinds.For(stack.Target.KindOptions), organizationId!, workspaceId!, environment, Secret);
            if (compiled.Graph is not { } graph)
            {
                foreach (var diagnostic in compiled.Diagnostics)
                {
                    await log.ErrorAsync(diagnostic.ToString(), null, cancellationToken).ConfigureAwait(false);
                }

                return null;
            }

            foreach (var key in plainConfig)
            {
                // The value is still sent as a secret; the warning is about the plaintext copy in Pulumi.<stack>.yaml.
                await log.LogAsync(
                    EngineProtos.LogSeverity.Warning,
                    $"The config value {key} is used as a secret but is stored in plaintext: run `pulumi config set --secret {key}` to encrypt it.",
                    null,
                    cancellationToken).ConfigureAwait(false);
            }

            return (graph, Kinds.For(stack.Target.KindOptions));
        }
        catch (UserError e)
        {
            await log.ErrorAsync(e.Message, null, cancellationToken).ConfigureAwait(false);
            return null;
        }
    }

    /// <summary>
    /// An id from the provider's config (<c>bird:organizationId</c>), else the stack file's literal or variable, else the
    /// variable the provider itself falls back to (<c>BIRD_ORGANIZATION_ID</c>), so program and provider agree.
    /// </summary>
    private static string? Id(ProgramSettings settings, ValueSource? fromStack, string name, Func<string, string?> environment) =>
        settings.Config.Get("bird:" + name)
        ?? fromStack?.Resolve(environment)
        ?? (environment(name == "organizationId" ? "BIRD_ORGANIZATION_ID" : "BIRD_WORKSPACE_ID") is { Length: > 0 } value ? value : null);
}
