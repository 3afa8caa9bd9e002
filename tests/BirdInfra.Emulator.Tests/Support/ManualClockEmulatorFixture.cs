using BirdInfra.Emulator.Configuration;

namespace BirdInfra.Emulator.Tests.Support;

/// <summary>An emulator on a <see cref="ManualClock"/>: its time moves only when the test calls <c>Clock.Advance</c>.</summary>
public sealed class ManualClockEmulatorFixture : EmulatorFixture
{
    public ManualClock Clock { get; } = new();

    protected override EmulatorOptions Options => TestOptions with { Time = Clock };
}
