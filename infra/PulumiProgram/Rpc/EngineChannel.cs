using Grpc.Net.Client;

namespace BirdInfra.PulumiProgram.Rpc;

/// <summary>
/// A gRPC channel (Grpc.Net.Client, cleartext HTTP/2) to an address Pulumi hands the program (PULUMI_MONITOR,
/// PULUMI_ENGINE). No deadline: RegisterResource blocks for as long as the cloud operation takes.
/// </summary>
public static class EngineChannel
{
    /// <summary>Pulumi's engine allows 400 MiB messages both ways; so do we.</summary>
    private const int MaxMessageBytes = 400 * 1024 * 1024;

    public static GrpcChannel Open(string address) =>
        GrpcChannel.ForAddress(ToUri(address), new GrpcChannelOptions
        {
            MaxReceiveMessageSize = MaxMessageBytes,
            MaxSendMessageSize = MaxMessageBytes,
            HttpHandler = new SocketsHttpHandler
            {
                ConnectTimeout = TimeSpan.FromSeconds(30),
                EnableMultipleHttp2Connections = true,
                PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            },
        });

    /// <param name="address">host:port as Pulumi passes it; a URL is accepted too.</param>
    public static Uri ToUri(string address)
    {
        var text = address.Trim();
        if (!text.Contains("://", StringComparison.Ordinal))
        {
            text = "http://" + text;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp || uri.Port <= 0)
        {
            throw new FormatException($"'{address}' is not a gRPC address of the form 127.0.0.1:PORT.");
        }

        return new Uri(uri.GetLeftPart(UriPartial.Authority) + "/");
    }
}
