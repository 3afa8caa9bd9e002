
namespace BirdInfra.Drift;

/// <summary>What <c>birdinfra drift</c> found for one stack: managed objects that drifted, objects beside the stack, and how many were ignored.</summary>
public sealed record DriftReport(string Stack, ImmutableArray<DriftedObject> Drifted, ImmutableArray<BesideObject> Beside, int Ignored)
{
    /// <summary><c>drift --detailed-exitcode</c>: nothing found.</summary>
    public const int NothingFound = 0;

    /// <summary><c>drift --detailed-exitcode</c>: managed objects drifted (as <c>preview --detailed-exitcode</c>'s changes).</summary>
    public const int ManagedDrift = 2;

    /// <summary>The exit code of <c>drift --detailed-exitcode</c>.</summary>
    public const int OnlyBeside = 3;

    public int Deleted => Drifted.Count(d => d.Deleted);

    public int Critical => Drifted.Count(d => d.Severity == DriftSeverity.Critical) + Beside.Count(b => b.Severity == DriftSeverity.Critical);

    /// <summary>Objects beside the stack that call for attention: all but the deploy key, which every target has.</summary>
    public int Unexpected => Beside.Count(b => !b.DeployKey);

    /// <summary>Nothing an auditor must act on (the deploy key alone is expected).</summary>
    public bool IsClean => Drifted.IsEmpty && Unexpected == 0;

    /// <summary>0 nothing found; 2 managed drift (with or without objects beside); 3 only objects beside the stack.</summary>
    public int DetailedExitCode => !Drifted.IsEmpty ? ManagedDrift : Unexpected > 0 ? OnlyBeside : NothingFound;
}
