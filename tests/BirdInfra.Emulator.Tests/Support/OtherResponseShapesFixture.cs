using BirdInfra.Emulator.Configuration;

namespace BirdInfra.Emulator.Tests.Support;

/// <summary>An emulator started with <c>--no-connector-arguments</c> and <c>--access-key-get-role-refs</c>: the other response shapes.</summary>
public sealed class OtherResponseShapesFixture : EmulatorFixture
{
    protected override EmulatorOptions Options => TestOptions with { EchoConnectorArguments = false, AccessKeyGetExpandsRoles = false };
}
