using System.Collections.Concurrent;
using BirdInfra.Providers.Client;

namespace BirdInfra.Providers.Tests.Client;

/// <summary>A Bird client whose waits are recorded instead of slept, and whose attempts are counted.</summary>
internal sealed class RecordingClient : IDisposable
{
    public const string Token = "TestTokenAbCdEfGhIjKlMnOpQrStUvWxYz12";

    public RecordingClient(int maxAttempts = 5, TimeSpan? timeout = null, Uri? endpoint = null, TimeProvider? time = null)
    {
        Client = new BirdClient(new BirdClientOptions(endpoint ?? new Uri("https://api.bird.test/"), new BirdAccessKey(Token))
        {
            MaxAttempts = maxAttempts,
            Timeout = timeout ?? TimeSpan.FromSeconds(30),
            Time = time ?? TimeProvider.System,
            Delay = (delay, _) =>
            {
                Delays.Enqueue(delay);
                return Task.CompletedTask;
            },
            OnAttempt = Attempts.Enqueue,
        });
    }

    public BirdClient Client { get; }

    public ConcurrentQueue<TimeSpan> Delays { get; } = new();

    public ConcurrentQueue<BirdAttempt> Attempts { get; } = new();

    public void Dispose() => Client.Dispose();
}
