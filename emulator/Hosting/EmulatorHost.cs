using BirdInfra.Emulator.Connectors;
using BirdInfra.Emulator.Controls;
using BirdInfra.Emulator.Deliveries;
using BirdInfra.Emulator.Faults;
using BirdInfra.Emulator.Messaging;
using BirdInfra.Emulator.Workspaces;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Logging.Console;

namespace BirdInfra.Emulator.Hosting;

/// <summary>Builds and starts the one emulator app that both the standalone program and the embedded API run.</summary>
internal static class EmulatorHost
{
    public static async Task<RunningEmulator> StartAsync(EmulatorOptions options, bool standalone, CancellationToken cancellationToken)
    {
        var app = Build(options, standalone);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            .Select(a => new Uri(a.EndsWith('/') ? a : a + "/")).ToList() ?? [];
        return new RunningEmulator(app, addresses, app.Services.GetRequiredService<EmulatorStore>().Bootstrap);
    }

    private static WebApplication Build(EmulatorOptions options, bool standalone)
    {
        var time = options.Time;
        var store = EmulatorStore.Open(options, time);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(EmulatorHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Production",
        });
        builder.WebHost.UseUrls(options.Urls);
        builder.Logging.ClearProviders();
        if (!options.Quiet)
        {
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
            builder.Logging.AddFilter<ConsoleLoggerProvider>(null, LogLevel.Warning);
            builder.Logging.AddFilter<ConsoleLoggerProvider>("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Information);
        }

        // The console keeps its own filters above; the minimum level only lowers for an extra provider.
        builder.Logging.SetMinimumLevel(options.LoggerProvider is null ? LogLevel.Warning : options.LoggerProviderLevel);
        if (options.LoggerProvider is { } provider)
        {
            builder.Logging.AddProvider(provider);
        }

        if (!standalone)
        {
            builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        }

        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(time);
        builder.Services.AddSingleton<CallLog>();
        builder.Services.AddSingleton<DeliveryLog>();
        builder.Services.AddSingleton<FaultRegistry>();
        builder.Services.AddSingleton<RateLimiter>();
        builder.Services.AddSingleton<WebhookDispatcher>();
        builder.Services.AddHostedService<ChannelProvisioner>();

        var app = builder.Build();
        app.UseMiddleware<CallLogMiddleware>();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = context => ApiResults.WriteErrorAsync(
                context, new ApiError(500, ErrorCodes.InternalError, "internal emulator error"), CancellationToken.None),
        });
        app.UseStatusCodePages(context => ApiResults.WriteErrorAsync(
            context.HttpContext,
            new ApiError(context.HttpContext.Response.StatusCode, ErrorCodes.ForStatus(context.HttpContext.Response.StatusCode), StatusMessage(context.HttpContext.Response.StatusCode)),
            context.HttpContext.RequestAborted));
        app.UseMiddleware<FaultMiddleware>();
        app.UseMiddleware<AccessKeyMiddleware>();

        // HEAD is authorized as "view" above, then served by the GET endpoint; Kestrel drops the body.
        app.Use((context, next) =>
        {
            if (HttpMethods.IsHead(context.Request.Method))
            {
                context.Request.Method = HttpMethods.Get;
            }

            return next(context);
        });
        app.UseRouting();

        WorkspaceEndpoints.Map(app);
        PolicyEndpoints.Map(app);
        RoleEndpoints.Map(app);
        AccessKeyEndpoints.Map(app);
        ConnectorEndpoints.Map(app);
        ChannelEndpoints.Map(app);
        MessageEndpoints.Map(app);
        VerifyEndpoints.Map(app);
        SubscriptionEndpoints.Map(app);
        AvailableWebhookEndpoints.Map(app);
        ControlEndpoints.Map(app);
        return app;
    }

    private static string StatusMessage(int status) => status switch
    {
        404 => "Resource not found",
        405 => "Method not allowed on this resource",
        415 => "Content-Type must be application/json",
        _ => $"HTTP {status}",
    };
}
