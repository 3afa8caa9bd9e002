
namespace BirdInfra.Providers.Kinds;

/// <summary>What every kind call needs: the Bird client and the organization and workspace it acts in.</summary>
public sealed record ProviderContext(BirdClient Client, string OrganizationId, string WorkspaceId)
{
    /// <summary>How long a create waits for outputs Bird fills in later (<see cref="OutputWait"/>, any kind's <see cref="IResourceKind.LateOutputs"/>).</summary>
    public TimeSpan LateOutputTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>First poll interval while waiting for such outputs; it doubles up to 5 s.</summary>
    public TimeSpan LateOutputPollInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The clock for waits and deadlines (late outputs); tests pass one they move by hand.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>
    /// Cancelled when the run is being stopped (the Pulumi engine's Cancel): waits for late outputs end at once and report
    /// the object as it is. Calls to Bird never observe it, so a create that was sent still learns its outcome.
    /// </summary>
    public CancellationToken StopWaiting { get; init; }

    /// <summary>
    /// Called when an operation starts waiting for outputs Bird fills in later (<see cref="OutputWait"/>) and so only reads
    /// until it ends: the built-in engine lets another operation take its place among the <c>--parallel N</c>. Null under
    /// Pulumi, whose engine owns parallelism.
    /// </summary>
    public Action? WaitStarted { get; init; }

    /// <summary>Receives progress lines for long waits (never secret values).</summary>
    public IProgress<string>? Progress { get; init; }
}
