namespace BirdInfra.Tests.Reliability;

/// <summary>
/// When a crash trial kills `birdinfra up`: <see cref="Delay"/> after the emulator has answered the
/// <see cref="AfterMutatingCall"/>-th mutating call, or, when that is null, <see cref="Delay"/> after the process started.
/// </summary>
public sealed record KillPoint(int? AfterMutatingCall, TimeSpan Delay)
{
    public override string ToString() => AfterMutatingCall is { } k
        ? $"after mutating call {k} + {Delay.TotalMilliseconds:0} ms"
        : $"at {Delay.TotalMilliseconds:0} ms";
}
