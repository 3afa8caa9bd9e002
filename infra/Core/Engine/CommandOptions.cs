namespace BirdInfra.Engine;

/// <summary>What a command was asked to do, independent of how the CLI parsed it.</summary>
public sealed record CommandOptions(string Stack, string Root)
{
    public bool Yes { get; init; }

    public bool Json { get; init; }

    public bool DetailedExitCode { get; init; }

    /// <summary>Go past guards.maxDestructiveChanges (never past protection).</summary>
    public bool AllowDestructiveChanges { get; init; }

    /// <summary>`output`: print secret outputs in plaintext.</summary>
    public bool ShowSecrets { get; init; }

    /// <summary>`up`, `destroy`, `refresh`: how many operations (or reads) run at once, at least 1; 1 is sequential.</summary>
    public int Parallel { get; init; } = Apply.Applier.DefaultParallelism;

    /// <summary>`output`: the one output to print; null for all.</summary>
    public string? Output { get; init; }
}
