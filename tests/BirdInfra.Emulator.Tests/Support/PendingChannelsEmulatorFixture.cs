using BirdInfra.Emulator.Configuration;

namespace BirdInfra.Emulator.Tests.Support;

/// <summary>An emulator whose channels stay <c>pending</c> (activation an hour away), so tests see the non-working status without racing it.</summary>
public sealed class PendingChannelsEmulatorFixture : EmulatorFixture
{
    protected override EmulatorOptions Options => TestOptions with { ChannelActivationDelay = TimeSpan.FromHours(1) };
}
