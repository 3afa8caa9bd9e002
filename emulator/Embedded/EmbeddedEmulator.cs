using BirdInfra.Emulator.Controls;
using BirdInfra.Emulator.Hosting;

namespace BirdInfra.Emulator.Embedded;

/// <summary>
/// The emulator running inside the caller's process on a loopback port (port 0 by default = any free
/// port), for tests and the built-in engine's <c>local</c> stack. Dispose to stop it.
/// </summary>
public sealed class EmbeddedEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _disposed;

    private EmbeddedEmulator(WebApplication app) => _app = app;

    /// <summary>Root of the API, e.g. <c>http://127.0.0.1:41234/</c> (no path).</summary>
    public required Uri BaseUrl { get; init; }

    public required string OrganizationId { get; init; }

    public required string WorkspaceId { get; init; }

    /// <summary>Token of the bootstrap admin key (allow <c>any</c> on <c>/**</c>, and the only key for <c>/_emulator</c>).</summary>
    public required string AdminAccessKey { get; init; }

    /// <summary>The log of API calls this emulator served (what <c>GET /_emulator/calls</c> answers), to wait on in-process.</summary>
    public CallLog Calls => _app.Services.GetRequiredService<CallLog>();

    public static async Task<EmbeddedEmulator> StartAsync(EmulatorOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var running = await EmulatorHost.StartAsync(options, standalone: false, cancellationToken);
        var baseUrl = running.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("the emulator started but reported no listening address");
        return new EmbeddedEmulator(running.App)
        {
            BaseUrl = baseUrl,
            OrganizationId = running.Bootstrap.OrganizationId,
            WorkspaceId = running.Bootstrap.WorkspaceId,
            AdminAccessKey = running.Bootstrap.AdminAccessKey,
        };
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5), _app.Services.GetRequiredService<TimeProvider>());
        try
        {
            await _app.StopAsync(timeout.Token);
        }
        finally
        {
            await _app.DisposeAsync();
        }
    }
}
