
namespace BirdInfra.Commands;

/// <summary>What a command was asked to do, independent of how the CLI parsed it.</summary>
public sealed record CommandOptions(string Stack, string Root)
{
    public bool Yes { get; init; }

    public bool Json { get; init; }

    /// <summary>`preview`: text (default), markdown or json (`--json` is `--format json`).</summary>
    public Rendering.PlanFormat Format { get; init; }

    /// <summary>`preview --out FILE`: also save the plan for `up --plan` (a full path).</summary>
    public string? PlanOut { get; init; }

    /// <summary>`up --plan FILE`: apply exactly this saved plan (a full path).</summary>
    public string? PlanFile { get; init; }

    /// <summary>`history --limit N`: only the newest N records.</summary>
    public int? Limit { get; init; }

    /// <summary>`--no-color`: plain text even on a terminal.</summary>
    public bool NoColor { get; init; }

    public bool DetailedExitCode { get; init; }

    /// <summary>Go past guards.maxDestructiveChanges (never past protection).</summary>
    public bool AllowDestructiveChanges { get; init; }

    /// <summary>`preview`, `up`, `up --plan`: go past guards.accessGains: block (the gains are still reported, as warnings).</summary>
    public bool AllowAccessGains { get; init; }

    /// <summary>`output`: print secret outputs in plaintext.</summary>
    public bool ShowSecrets { get; init; }

    /// <summary>`up`, `destroy`, `refresh`: how many operations (or reads) run at once, at least 1; 1 is sequential.</summary>
    public int Parallel { get; init; } = Apply.Applier.DefaultParallelism;

    /// <summary>`validate --print`: also print the effective stack file (bases merged).</summary>
    public bool Print { get; init; }

    /// <summary>`drift --record`: record in state what `refresh` would (changed and deleted managed objects).</summary>
    public bool Record { get; init; }

    /// <summary>`output`: the one output to print; null for all.</summary>
    public string? Output { get; init; }

    /// <summary>The kinds the CLI was composed with; the engine is given them, never reads a static list.</summary>
    public required KindRegistry Kinds { get; init; }
}
