using System.Buffers.Binary;
using Google.Protobuf;

namespace BirdInfra.Providers.PulumiWire;

/// <summary>
/// gRPC's length-prefixed messages (1 compression-flag byte + 4-byte big-endian length), for the plugin's server
/// and the program's client alike.
/// </summary>
public static class GrpcMessages
{
    /// <summary>Pulumi's engine allows 400 MiB messages both ways; so do we.</summary>
    public const int MaxMessageBytes = 400 * 1024 * 1024;

    public const int PrefixLength = 5;

    public static byte[] Frame(IMessage message)
    {
        var size = message.CalculateSize();
        var buffer = new byte[PrefixLength + size];
        BinaryPrimitives.WriteUInt32BigEndian(buffer.AsSpan(1, 4), (uint)size);
        message.WriteTo(buffer.AsSpan(PrefixLength));
        return buffer;
    }

    /// <summary>
    /// The single message of a unary body (an empty body is an empty message), or the status and reason it is not
    /// one uncompressed message.
    /// </summary>
    public static (ReadOnlyMemory<byte> Message, GrpcStatusCode Status, string? Problem) Unframe(ReadOnlyMemory<byte> body)
    {
        if (body.Length == 0)
        {
            return (ReadOnlyMemory<byte>.Empty, GrpcStatusCode.Ok, null);
        }

        if (body.Length < PrefixLength)
        {
            return (default, GrpcStatusCode.Internal, "truncated gRPC message prefix");
        }

        var span = body.Span;
        if (span[0] != 0)
        {
            return (default, GrpcStatusCode.Unimplemented, "compressed gRPC messages are not supported");
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(span.Slice(1, 4));
        if (length > MaxMessageBytes || length > body.Length - PrefixLength)
        {
            return (default, GrpcStatusCode.Internal, $"gRPC message length {length} does not match the {body.Length - PrefixLength} bytes received");
        }

        if (length != body.Length - PrefixLength)
        {
            return (default, GrpcStatusCode.Unimplemented, "a unary method received more than one message");
        }

        return (body.Slice(PrefixLength, (int)length), GrpcStatusCode.Ok, null);
    }
}
