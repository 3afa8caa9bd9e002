using System.Net;
using System.Net.Sockets;

namespace BirdInfra.Emulator.Deliveries;

/// <summary>
/// Workplace rule: deliveries go to loopback hosts only. Hosts are classified from the URL text (no DNS),
/// and the socket layer refuses anything else as a second line of defence.
/// </summary>
internal static class LoopbackOnly
{
    public static bool IsLoopbackUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme is "http" or "https") && LoopbackAddresses(uri.Host) is not null;

    /// <summary>The addresses to connect to for a loopback host name, or null for any other host.</summary>
    public static IPAddress[]? LoopbackAddresses(string host)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return [IPAddress.Loopback, IPAddress.IPv6Loopback];
        }

        return IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip) ? [ip] : null;
    }

    public static SocketsHttpHandler CreateHandler() => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        UseCookies = false,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        ConnectCallback = ConnectAsync,
    };

    private static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var addresses = LoopbackAddresses(context.DnsEndPoint.Host)
            ?? throw new HttpRequestException($"refusing to connect to non-loopback host '{context.DnsEndPoint.Host}'");
        Exception? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
        }

        throw new HttpRequestException($"cannot connect to {context.DnsEndPoint.Host}:{context.DnsEndPoint.Port}", last);
    }
}
