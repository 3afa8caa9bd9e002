using BirdInfra.Emulator.Configuration;

namespace BirdInfra.Emulator.Tests.Support;

/// <summary>An emulator with <c>--role-update-put</c>: role updates take PUT with the full body, PATCH answers 405.</summary>
public sealed class PutRoleUpdatesEmulatorFixture : EmulatorFixture
{
    protected override EmulatorOptions Options => TestOptions with { RoleUpdateWithPut = true };
}
