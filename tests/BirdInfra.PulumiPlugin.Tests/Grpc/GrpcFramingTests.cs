using BirdInfra.Providers.PulumiWire;
using BirdInfra.PulumiPlugin.Grpc;
using BirdInfra.PulumiPlugin.Protos;
using Google.Protobuf.WellKnownTypes;

namespace BirdInfra.PulumiPlugin.Tests.Grpc;

public sealed class GrpcFramingTests
{
    [Fact]
    public void Frame_PrefixesFlagAndBigEndianLength()
    {
        var framed = GrpcMessages.Frame(new PluginInfo { Version = "1.2.3" });

        framed[0].Should().Be(0);
        framed[1..5].Should().Equal(0, 0, 0, 7);
        PluginInfo.Parser.ParseFrom(GrpcFraming.Unframe(framed).Span).Version.Should().Be("1.2.3");
    }

    [Fact]
    public void EmptyMessage_IsFiveZeroBytes() =>
        GrpcMessages.Frame(new Empty()).Should().Equal(0, 0, 0, 0, 0);

    [Fact]
    public void Unframe_RejectsCompressedMessages()
    {
        var act = () => GrpcFraming.Unframe(new byte[] { 1, 0, 0, 0, 0 });

        act.Should().Throw<GrpcException>().Which.Status.Should().Be(GrpcStatusCode.Unimplemented);
    }

    [Fact]
    public void Unframe_RejectsTruncatedBodies()
    {
        var act = () => GrpcFraming.Unframe(new byte[] { 0, 0, 0, 0, 9, 1 });

        act.Should().Throw<GrpcException>().Which.Status.Should().Be(GrpcStatusCode.Internal);
    }

    [Fact]
    public void EncodeMessage_PercentEncodesPercentAndNonAscii() =>
        GrpcFraming.EncodeMessage("100% ok – é\n").Should().Be("100%25 ok %E2%80%93 %C3%A9%0A");

    [Fact]
    public void EncodeDetails_IsABase64StatusWhoseCodeMatchesTheTrailer()
    {
        var detail = new ErrorResourceInitFailed { Id = "abc" };
        detail.Reasons.Add("channel did not appear");

        var encoded = GrpcFraming.EncodeDetails(GrpcStatusCode.Unknown, "half done", [detail]);

        var status = Status.Parser.ParseFrom(Convert.FromBase64String(encoded));
        status.Code.Should().Be(2);
        status.Details.Should().ContainSingle().Which.TypeUrl.Should().Be("type.googleapis.com/pulumirpc.ErrorResourceInitFailed");
        status.Details[0].Unpack<ErrorResourceInitFailed>().Id.Should().Be("abc");
    }
}
