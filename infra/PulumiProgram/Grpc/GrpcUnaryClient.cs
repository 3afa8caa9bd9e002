using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using BirdInfra.Providers.PulumiWire;
using Google.Protobuf;

namespace BirdInfra.PulumiProgram.Grpc;

/// <summary>
/// Unary gRPC over cleartext HTTP/2 (prior knowledge) with HttpClient: <c>POST /package.Service/Method</c>, a
/// length-prefixed protobuf body, the status in the <c>grpc-status</c>/<c>grpc-message</c> trailers (or headers, for
/// trailers-only answers). No client timeout: RegisterResource blocks for as long as the cloud operation takes.
/// </summary>
public sealed class GrpcUnaryClient : IDisposable
{
    private static readonly MediaTypeHeaderValue GrpcContentType = new("application/grpc");

    private readonly HttpClient _http;
    private readonly Uri _baseAddress;

    /// <param name="address">host:port as Pulumi passes it (PULUMI_MONITOR, PULUMI_ENGINE); a URL is accepted too.</param>
    public GrpcUnaryClient(string address)
    {
        _baseAddress = ToUri(address);
        _http = new HttpClient(new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(30),
            EnableMultipleHttp2Connections = true,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
    }

    public string Address => _baseAddress.Authority;

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

    public async Task<TResponse> CallAsync<TResponse>(
        string service, string method, IMessage request, MessageParser<TResponse> parser, CancellationToken cancellationToken)
        where TResponse : IMessage<TResponse>
    {
        var name = $"{service}/{method}";
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(_baseAddress, name))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(GrpcMessages.Frame(request)),
        };
        message.Content.Headers.ContentType = GrpcContentType;
        message.Headers.TryAddWithoutValidation("te", "trailers");

        HttpResponseMessage response;
        byte[] body;
        try
        {
            response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new GrpcCallException(name, GrpcStatusCode.Unavailable, $"cannot reach {Address}: {e.Message}", e);
        }
        catch (IOException e)
        {
            throw new GrpcCallException(name, GrpcStatusCode.Unavailable, $"the connection to {Address} broke: {e.Message}", e);
        }

        using (response)
        {
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new GrpcCallException(name, GrpcStatusCode.Unknown, $"HTTP {(int)response.StatusCode} from {Address}");
            }

            var status = Header(response, "grpc-status");
            if (status is null)
            {
                throw new GrpcCallException(name, GrpcStatusCode.Internal, "the answer carried no grpc-status");
            }

            if (!int.TryParse(status, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
            {
                throw new GrpcCallException(name, GrpcStatusCode.Internal, $"invalid grpc-status '{status}'");
            }

            if (code != (int)GrpcStatusCode.Ok)
            {
                throw new GrpcCallException(name, (GrpcStatusCode)code, DecodeMessage(Header(response, "grpc-message") ?? string.Empty));
            }

            var (reply, framing, problem) = GrpcMessages.Unframe(body);
            return problem is null ? parser.ParseFrom(reply.Span) : throw new GrpcCallException(name, framing, problem);
        }
    }

    public void Dispose() => _http.Dispose();

    /// <summary>grpc-message is percent-encoded UTF-8.</summary>
    public static string DecodeMessage(string encoded)
    {
        if (!encoded.Contains('%', StringComparison.Ordinal))
        {
            return encoded;
        }

        var bytes = new List<byte>(encoded.Length);
        for (var i = 0; i < encoded.Length; i++)
        {
            if (encoded[i] == '%' && i + 2 < encoded.Length
                && byte.TryParse(encoded.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var b))
            {
                bytes.Add(b);
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(encoded[i].ToString()));
            }
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static string? Header(HttpResponseMessage response, string name)
    {
        if (response.TrailingHeaders.TryGetValues(name, out var trailer))
        {
            return trailer.FirstOrDefault();
        }

        return response.Headers.TryGetValues(name, out var header) ? header.FirstOrDefault() : null;
    }
}
