
namespace BirdInfra.Emulator.Hosting;

/// <summary>A started emulator app with the address it actually bound and its bootstrap identity.</summary>
internal sealed record RunningEmulator(WebApplication App, IReadOnlyList<Uri> Addresses, BootstrapIdentity Bootstrap);
