using BirdInfra.Emulator.Configuration;

namespace BirdInfra.Emulator.Tests.Support;

/// <summary>An emulator without <c>--allow-http-webhooks</c>: only Bird's public https URL pattern is accepted.</summary>
public sealed class StrictEmulatorFixture : EmulatorFixture
{
    protected override EmulatorOptions Options => TestOptions with { AllowHttpWebhooks = false };
}
