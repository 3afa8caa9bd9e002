namespace BirdInfra.Tests.Reliability;

/// <summary>What one crash trial saw: where the kill landed and what the next run had to recover.</summary>
public sealed record CrashTrialResult(
    KillPoint Point,
    bool KilledBeforeEnd,
    int MutatingCallsBeforeKill,
    int PendingAtKill,
    int UnownedObjectsAtKill,
    bool LockTakenOver,
    double Seconds);
