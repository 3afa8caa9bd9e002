using Google.Protobuf;

namespace BirdInfra.PulumiPlugin.Grpc;

/// <summary>One unary RPC: parses its request bytes and produces the response message.</summary>
public interface IUnaryMethod
{
    string Name { get; }

    Task<IMessage> InvokeAsync(ReadOnlyMemory<byte> request, CancellationToken cancellationToken);
}
