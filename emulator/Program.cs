using BirdInfra.Emulator.Hosting;

namespace BirdInfra.Emulator;

/// <summary>Standalone host: parse options, start the app, print the bootstrap identity, run until stopped.</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var parsed = CommandLine.Parse(args);
        if (parsed.Help is { } help)
        {
            Console.Write(help);
            return 0;
        }

        if (parsed.Options is not { } options)
        {
            await Console.Error.WriteLineAsync($"error: {parsed.Error}");
            return 1;
        }

        RunningEmulator running;
        try
        {
            running = await EmulatorHost.StartAsync(options, standalone: true, CancellationToken.None);
        }
        catch (Exception e) when (e is EmulatorStartupException or IOException or InvalidOperationException or FormatException or UriFormatException or NotSupportedException)
        {
            await Console.Error.WriteLineAsync($"error: cannot start the emulator: {e.Message}");
            return 1;
        }

        await using (running.App)
        {
            Console.WriteLine($"organizationId: {running.Bootstrap.OrganizationId}");
            Console.WriteLine($"workspaceId: {running.Bootstrap.WorkspaceId}");
            Console.WriteLine($"adminAccessKey: {running.Bootstrap.AdminAccessKey}");
            foreach (var address in running.Addresses)
            {
                Console.WriteLine($"listening: {address.ToString().TrimEnd('/')}");
            }

            Console.Out.Flush();
            await running.App.WaitForShutdownAsync();
        }

        return 0;
    }
}
