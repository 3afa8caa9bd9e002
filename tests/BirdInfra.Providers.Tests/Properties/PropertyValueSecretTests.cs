using BirdInfra.Providers.Properties;

namespace BirdInfra.Providers.Tests.Properties;

/// <summary>A secret's plain text comes out only through RevealString: every other reading refuses or masks it.</summary>
public sealed class PropertyValueSecretTests
{
    private static readonly PropertyValue Token = PropertyValue.SecretString("hunter2");

    [Fact]
    public void AsString_OnASecret_Refuses()
    {
        var read = () => Token.AsString();

        read.Should().Throw<InvalidOperationException>().WithMessage("*secret*RevealString()*").Which.Message.Should().NotContain("hunter2");
    }

    [Fact]
    public void AsStringOrNull_OnASecret_Refuses() =>
        FluentActions.Invoking(() => Token.AsStringOrNull()).Should().Throw<InvalidOperationException>();

    [Fact]
    public void GetString_OnASecretProperty_Refuses() =>
        FluentActions.Invoking(() => PropertyMap.Empty.With("signingKey", Token).GetString("signingKey")).Should().Throw<InvalidOperationException>();

    [Fact]
    public void RevealString_OnASecret_GivesThePlainText() =>
        Token.RevealString().Should().Be("hunter2");

    [Fact]
    public void RevealString_OnAPlainString_GivesItToo() =>
        PropertyValue.String("plain").RevealString().Should().Be("plain");

    [Fact]
    public void RevealString_OnSomethingElse_Refuses() =>
        FluentActions.Invoking(() => PropertyValue.Secret(PropertyValue.Number(1)).RevealString()).Should().Throw<InvalidOperationException>();

    [Fact]
    public void AsString_OnAPlainString_StillWorks() =>
        PropertyValue.String("plain").AsString().Should().Be("plain");

    [Fact]
    public void ToString_OfASecret_IsMasked() =>
        PropertyValue.List(Token, PropertyValue.String("x")).ToString().Should().Be("[[secret], \"x\"]");
}
