using System.Net;
using System.Runtime.InteropServices;
using BirdInfra.Providers.Kinds;
using BirdInfra.Providers.PulumiWire;
using BirdInfra.PulumiPlugin.Grpc;
using BirdInfra.PulumiPlugin.Provider;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace BirdInfra.PulumiPlugin.Hosting;

/// <summary>
/// Runs the plugin: Kestrel on 127.0.0.1, a free port, HTTP/2 only (h2c with prior knowledge, as the engine dials);
/// prints the port as the first bytes on stdout once bound; logs to stderr only; stops on SIGINT/SIGTERM or when the
/// engine goes away, never on Cancel alone (the engine still awaits the calls in flight then).
/// </summary>
public static class PluginHost
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout)
    {
        var arguments = PluginArguments.Parse(args);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2);
            kestrel.Limits.MaxRequestBodySize = GrpcMessages.MaxMessageBytes + GrpcMessages.PrefixLength;
            kestrel.AddServerHeader = false;
        });
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(arguments.LogToStderr ? LogLevel.Debug : LogLevel.Warning);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(3));
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        builder.Services.AddSingleton(arguments);
        builder.Services.AddSingleton<PluginLifetime>();
        builder.Services.AddSingleton(BirdKinds.CreateRegistry());
        builder.Services.AddSingleton(sp => new BirdResourceProvider(
            sp.GetRequiredService<KindRegistry>(),
            sp.GetRequiredService<PluginLifetime>(),
            Environment.GetEnvironmentVariable,
            sp.GetRequiredService<ILogger<BirdResourceProvider>>(),
            PackageVersion.Current));
        builder.Services.AddHostedService<EngineWatcher>();

        await using var app = builder.Build();
        var provider = app.Services.GetRequiredService<BirdResourceProvider>();
        var handler = new GrpcRequestHandler(BirdResourceProvider.ServiceName, provider.Methods(), app.Services.GetRequiredService<ILoggerFactory>().CreateLogger<GrpcRequestHandler>());
        app.Run(handler.HandleAsync);

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
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;

        // The engine reads stdout up to the first '\n'; Write, not WriteLine, so Windows gets no '\r'.
        await stdout.WriteAsync(port.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n").ConfigureAwait(false);
        await stdout.FlushAsync().ConfigureAwait(false);

        await app.WaitForShutdownAsync().ConfigureAwait(false);
        return 0;
    }
}
