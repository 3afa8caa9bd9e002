using BirdInfra.Providers.PulumiWire;
using System.Buffers.Binary;
using System.IO.Pipelines;
using System.Text;
using BirdInfra.PulumiPlugin.Protos;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace BirdInfra.PulumiPlugin.Grpc;

/// <summary>gRPC's length-prefixed messages (1 flag byte + 4-byte big-endian length) and trailer encodings.</summary>
public static class GrpcFraming
{
    /// <summary>Pulumi's engine allows 400 MiB messages both ways; so do we.</summary>
    public const int MaxMessageBytes = 400 * 1024 * 1024;

    public const int PrefixLength = 5;

    public static byte[] Frame(IMessage message)
    {
        var size = message.CalculateSize();
        var buffer = new byte[PrefixLength + size];
        buffer[0] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(buffer.AsSpan(1, 4), (uint)size);
        message.WriteTo(buffer.AsSpan(PrefixLength));
        return buffer;
    }

    /// <summary>The single message of a unary request body; an empty body counts as an empty message.</summary>
    public static ReadOnlyMemory<byte> Unframe(ReadOnlyMemory<byte> body)
    {
        if (body.Length == 0)
        {
            return ReadOnlyMemory<byte>.Empty;
        }

        if (body.Length < PrefixLength)
        {
            throw new GrpcException(GrpcStatusCode.Internal, "truncated gRPC message prefix");
        }

        var span = body.Span;
        if (span[0] != 0)
        {
            throw new GrpcException(GrpcStatusCode.Unimplemented, "compressed gRPC messages are not supported");
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(span.Slice(1, 4));
        if (length > MaxMessageBytes || length > body.Length - PrefixLength)
        {
            throw new GrpcException(GrpcStatusCode.Internal, $"gRPC message length {length} does not match the {body.Length - PrefixLength} bytes received");
        }

        if (length != body.Length - PrefixLength)
        {
            throw new GrpcException(GrpcStatusCode.Unimplemented, "a unary method received more than one message");
        }

        return body.Slice(PrefixLength, (int)length);
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
            if (buffer.Length > MaxMessageBytes + PrefixLength)
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
