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

    [Fact]
    public void AsList_OfASecretList_GivesSecretItems_ThatRefusePlainReading()
    {
        var items = PropertyValue.Secret(PropertyValue.List(PropertyValue.String("hunter2"), PropertyValue.String("x"))).AsList();

        items.Should().HaveCount(2).And.OnlyContain(i => i.IsSecret);
        FluentActions.Invoking(() => items[0].AsString()).Should().Throw<InvalidOperationException>();
        items[0].RevealString().Should().Be("hunter2");
    }

    [Fact]
    public void AsMap_OfASecretMap_GivesSecretValues() =>
        PropertyValue.Secret(PropertyValue.Map(PropertyMap.Empty.With("key", PropertyValue.String("hunter2")))).AsMap()["key"]!.IsSecret.Should().BeTrue();

    [Fact]
    public void AsBoolOrNull_AndAsNumberOrNull_OnASecret_Refuse()
    {
        FluentActions.Invoking(() => PropertyValue.Secret(PropertyValue.Bool(true)).AsBoolOrNull()).Should().Throw<InvalidOperationException>();
        FluentActions.Invoking(() => PropertyValue.Secret(PropertyValue.Number(1)).AsNumberOrNull()).Should().Throw<InvalidOperationException>();
    }
}
