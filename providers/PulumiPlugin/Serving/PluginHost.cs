using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using BirdInfra.PulumiPlugin.Provider;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace BirdInfra.PulumiPlugin.Serving;

/// <summary>
/// Runs the plugin: Grpc.AspNetCore on Kestrel, 127.0.0.1, a free port, HTTP/2 only (h2c with prior knowledge, as the
/// engine dials), on the socket whose port went out first (<see cref="PortAnnouncement"/>): a connection the engine
/// makes while the host is being built waits in the backlog until Kestrel accepts it. Logs to stderr only; stops on SIGINT/SIGTERM or when the engine goes away, never
/// on Cancel alone (the engine still awaits the calls in flight then).
/// </summary>
public static class PluginHost
{
    private const int MaxMessageBytes = 400 * 1024 * 1024;

    /// <param name="listener">The socket <see cref="PortAnnouncement"/> bound and announced; Kestrel serves on it.</param>
    public static async Task<int> RunAsync(string[] args, Socket listener)
    {
        var arguments = PluginArguments.Parse(args);
        var port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http2);
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.AddServerHeader = false;
        });
        builder.Services.Configure<SocketTransportOptions>(o => o.CreateBoundListenSocket = _ => listener);
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(arguments.LogToStderr ? LogLevel.Debug : LogLevel.Warning);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(3));
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        builder.Services.AddSingleton(arguments);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<PluginLifetime>();
        builder.Services.AddRoutingCore();
        builder.Services.AddGrpc(o =>
        {
            // Pulumi's engine allows 400 MiB messages both ways; so do we.
            o.MaxReceiveMessageSize = MaxMessageBytes;
            o.MaxSendMessageSize = MaxMessageBytes;
            o.Interceptors.Add<ErrorInterceptor>();
        });
        builder.Services.AddSingleton<EngineLog>();
        builder.Services.AddSingleton(BirdKinds.CreateRegistry());
        builder.Services.AddSingleton(sp => new BirdResourceProvider(
            sp.GetRequiredService<KindRegistry>(),
            sp.GetRequiredService<PluginLifetime>(),
            Environment.GetEnvironmentVariable,
            sp.GetRequiredService<ILogger<BirdResourceProvider>>(),
            PackageVersion.Current,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<EngineLog>()));
        builder.Services.AddHostedService<EngineWatcher>();

        await using var app = builder.Build();
        app.MapGrpcService<BirdResourceProvider>();

        // SIGINT is how the engine stops a plugin; handle it (and SIGTERM) even where the shell marked it ignored.
        var lifetime = app.Services.GetRequiredService<PluginLifetime>();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        void Stop(PosixSignalContext signal)
        {
            signal.Cancel = true;
            lifetime.Shutdown();
        }

        await app.StartAsync().ConfigureAwait(false);
        await app.WaitForShutdownAsync().ConfigureAwait(false);
        return 0;
    }
}
