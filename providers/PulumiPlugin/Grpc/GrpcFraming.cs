using System.IO.Pipelines;
using System.Text;
using BirdInfra.Providers.PulumiWire;
using BirdInfra.PulumiPlugin.Protos;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace BirdInfra.PulumiPlugin.Grpc;

/// <summary>The server side of gRPC framing: request bodies, trailer encodings (framing itself: <see cref="GrpcMessages"/>).</summary>
public static class GrpcFraming
{
    /// <summary>The single message of a unary request body; an empty body counts as an empty message.</summary>
    public static ReadOnlyMemory<byte> Unframe(ReadOnlyMemory<byte> body)
    {
        var (message, status, problem) = GrpcMessages.Unframe(body);
        return problem is null ? message : throw new GrpcException(status, problem);
    }

    public static async Task<byte[]> ReadBodyAsync(PipeReader reader, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            foreach (var segment in result.Buffer)
            {
                buffer.Write(segment.Span);
            }

            reader.AdvanceTo(result.Buffer.End);
            if (buffer.Length > GrpcMessages.MaxMessageBytes + GrpcMessages.PrefixLength)
            {
                throw new GrpcException(GrpcStatusCode.ResourceExhausted, "request larger than 400 MiB");
            }

            if (result.IsCompleted || result.IsCanceled)
            {
                return buffer.ToArray();
            }
        }
    }

    /// <summary>grpc-message: percent-encode '%' and every byte outside 0x20-0x7E of the UTF-8 text.</summary>
    public static string EncodeMessage(string message)
    {
        var sb = new StringBuilder(message.Length);
        foreach (var b in Encoding.UTF8.GetBytes(message))
        {
            if (b is >= 0x20 and <= 0x7E && b != (byte)'%')
            {
                sb.Append((char)b);
            }
            else
            {
                sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }

    /// <summary>grpc-status-details-bin: base64 of google.rpc.Status whose code equals grpc-status.</summary>
    public static string EncodeDetails(GrpcStatusCode code, string message, IEnumerable<IMessage> details)
    {
        var status = new Status { Code = (int)code, Message = message };
        status.Details.AddRange(details.Select(Any.Pack));
        return Convert.ToBase64String(status.ToByteArray());
    }
}
