using BirdInfra.Providers.PulumiWire;
using Google.Protobuf;

namespace BirdInfra.PulumiPlugin.Grpc;

/// <summary>A typed unary RPC bound to its handler.</summary>
public sealed class UnaryMethod<TRequest, TResponse> : IUnaryMethod
    where TRequest : IMessage<TRequest>
    where TResponse : IMessage<TResponse>
{
    private readonly MessageParser<TRequest> _parser;
    private readonly Func<TRequest, CancellationToken, Task<TResponse>> _handler;

    public UnaryMethod(string name, MessageParser<TRequest> parser, Func<TRequest, CancellationToken, Task<TResponse>> handler)
    {
        Name = name;
        _parser = parser;
        _handler = handler;
    }

    public string Name { get; }

    public async Task<IMessage> InvokeAsync(ReadOnlyMemory<byte> request, CancellationToken cancellationToken)
    {
        TRequest parsed;
        try
        {
            parsed = _parser.ParseFrom(request.Span);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new GrpcException(GrpcStatusCode.Internal, $"could not parse the {Name} request: {e.Message}");
        }

        return await _handler(parsed, cancellationToken).ConfigureAwait(false);
    }
}
