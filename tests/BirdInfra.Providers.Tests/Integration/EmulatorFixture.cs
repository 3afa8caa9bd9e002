using System.Text.Json.Nodes;
using BirdInfra.Emulator.Configuration;
using BirdInfra.Emulator.Embedded;
using BirdInfra.Providers.Client;
using BirdInfra.Providers.Kinds;

namespace BirdInfra.Providers.Tests.Integration;

/// <summary>An in-process emulator plus a Bird client and provider context pointed at it, for one test.</summary>
internal sealed class EmulatorFixture : IAsyncDisposable
{
    private EmulatorFixture(EmbeddedEmulator emulator, BirdClient client, ProviderContext context, List<string> progress)
    {
        Emulator = emulator;
        Client = client;
        Context = context;
        Progress = progress;
    }

    public EmbeddedEmulator Emulator { get; }

    public BirdClient Client { get; }

    public ProviderContext Context { get; }

    public List<string> Progress { get; }

    /// <param name="roleUpdateWithPut">The emulator takes role updates as PUT with the full body and answers PATCH with 405.</param>
    /// <param name="configure">Adjusts the emulator's options (e.g. response shapes) before it starts.</param>
    /// <param name="channelActivationDelay">How long a new channel stays 'pending' before it is 'active' (default 200 ms).</param>
    public static async Task<EmulatorFixture> StartAsync(TimeSpan? channelDelay = null, TimeSpan? channelTimeout = null, bool roleUpdateWithPut = false, Func<EmulatorOptions, EmulatorOptions>? configure = null, TimeSpan? channelActivationDelay = null)
    {
        var options = new EmulatorOptions
        {
            ChannelDelay = channelDelay ?? TimeSpan.FromMilliseconds(300),
            ChannelActivationDelay = channelActivationDelay ?? TimeSpan.FromMilliseconds(200),
            AllowHttpWebhooks = true,
            RoleUpdateWithPut = roleUpdateWithPut,
        };
        var emulator = await EmbeddedEmulator.StartAsync(configure?.Invoke(options) ?? options, CancellationToken.None);
        var client = NewClient(emulator, emulator.AdminAccessKey);
        var progress = new List<string>();
        var context = new ProviderContext(client, emulator.OrganizationId, emulator.WorkspaceId)
        {
            LateOutputPollInterval = TimeSpan.FromMilliseconds(50),
            LateOutputTimeout = channelTimeout ?? TimeSpan.FromSeconds(20),
            Progress = new SyncProgress(line =>
            {
                lock (progress)
                {
                    progress.Add(line);
                }
            }),
        };
        return new EmulatorFixture(emulator, client, context, progress);
    }

    public static BirdClient NewClient(EmbeddedEmulator emulator, string token) =>
        new(new BirdClientOptions(emulator.BaseUrl, new BirdAccessKey(token))
        {
            BaseDelay = TimeSpan.FromMilliseconds(10),
            MaxDelay = TimeSpan.FromMilliseconds(100),
            MaxRetryAfter = TimeSpan.FromMilliseconds(200),
            Timeout = TimeSpan.FromSeconds(10),
        });

    /// <summary>The emulator's call log (method, path, status), oldest first.</summary>
    public async Task<IReadOnlyList<(string Method, string Path, int Status)>> CallsAsync()
    {
        var log = await Client.GetAsync<JsonObject>("/_emulator/calls", CancellationToken.None);
        return (log["results"]!.AsArray())
            .Select(c => ((string)c!["method"]!, (string)c["path"]!, (int)c["status"]!))
            .Where(c => !c.Item2.StartsWith("/_emulator", StringComparison.Ordinal))
            .ToList();
    }

    public Task ClearCallsAsync() => Client.DeleteAsync("/_emulator/calls", CancellationToken.None);

    public Task AddFaultAsync(object rule) => Client.PostAsync<JsonObject>("/_emulator/faults", rule, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Emulator.DisposeAsync();
    }

    /// <summary>Progress that reports synchronously (Progress&lt;T&gt; posts to the thread pool, which races assertions).</summary>
    private sealed class SyncProgress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
