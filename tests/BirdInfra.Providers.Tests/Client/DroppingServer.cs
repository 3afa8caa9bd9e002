using System.Net;
using System.Net.Sockets;
using System.Text;

namespace BirdInfra.Providers.Tests.Client;

/// <summary>A loopback HTTP/1.1 server that drops its first N connections after reading the request, then answers 200 with a body.</summary>
internal sealed class DroppingServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _connections;

    private DroppingServer(TcpListener listener, int dropFirst, string body)
    {
        _listener = listener;
        _loop = Task.Run(() => LoopAsync(dropFirst, body));
    }

    public Uri Endpoint => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    public int Connections => Volatile.Read(ref _connections);

    public static Task<DroppingServer> StartAsync(int dropFirst, string body)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return Task.FromResult(new DroppingServer(listener, dropFirst, body));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task LoopAsync(int dropFirst, string body)
    {
        while (!_stop.IsCancellationRequested)
        {
            using var socket = await _listener.AcceptSocketAsync(_stop.Token);
            var n = Interlocked.Increment(ref _connections);
            var buffer = new byte[8192];
            await socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
            if (n <= dropFirst)
            {
                socket.LingerState = new LingerOption(true, 0);
                socket.Close();
                continue;
            }

            var payload = Encoding.UTF8.GetBytes(body);
            var head = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {payload.Length}\r\nConnection: close\r\n\r\n");
            await socket.SendAsync(head.Concat(payload).ToArray(), SocketFlags.None, _stop.Token);
            socket.Shutdown(SocketShutdown.Both);
        }
    }
}
