namespace BirdInfra.Emulator.Hosting;

/// <summary>In-process hosts must not hook the test process's Ctrl+C/SIGTERM; the owner stops the app by disposing it.</summary>
internal sealed class EmbeddedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
