using BirdInfra.Providers.Properties;
using BirdInfra.Providers.PulumiWire;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace BirdInfra.Providers.Tests.PulumiWire;

public sealed class PropertyStructConverterTests
{
    [Fact]
    public void RoundTrip_KeepsEveryPlainKind()
    {
        var map = PropertyMap.From(new Dictionary<string, PropertyValue>
        {
            ["null"] = PropertyValue.Null,
            ["bool"] = PropertyValue.False,
            ["number"] = PropertyValue.Number(0),
            ["string"] = PropertyValue.String(string.Empty),
            ["list"] = PropertyValue.List(PropertyValue.String("a"), PropertyValue.Number(2.5)),
            ["map"] = PropertyValue.Map(PropertyMap.From(new Dictionary<string, PropertyValue> { ["k"] = PropertyValue.True })),
        });

        var back = PropertyStructConverter.ToPropertyMap(Struct.Parser.ParseFrom(PropertyStructConverter.ToStruct(map).ToByteArray()));

        back.Should().Equal(map);
        back["bool"]!.Kind.Should().Be(PropertyKind.Bool);
        back["null"]!.Kind.Should().Be(PropertyKind.Null);
    }

    [Fact]
    public void ToValue_WritesDefaultOneofMembersExplicitly()
    {
        // A Value with no kind set crashes the engine's unmarshaller; defaults must still carry their tag.
        PropertyStructConverter.ToValue(PropertyValue.Null).ToByteArray().Should().Equal(0x08, 0x00);
        PropertyStructConverter.ToValue(PropertyValue.False).ToByteArray().Should().Equal(0x20, 0x00);
        PropertyStructConverter.ToValue(PropertyValue.String(string.Empty)).ToByteArray().Should().Equal(0x1A, 0x00);
    }

    [Fact]
    public void Secret_IsWrittenWithPulumisSignatureAndReadBackAsSecret()
    {
        var value = PropertyStructConverter.ToValue(PropertyValue.SecretString("t0ken"));

        value.StructValue.Fields[PulumiSignatures.Key].StringValue.Should().Be(PulumiSignatures.Secret);
        value.StructValue.Fields["value"].StringValue.Should().Be("t0ken");
        var back = PropertyStructConverter.ToPropertyValue(value);
        back.IsSecret.Should().BeTrue();
        back.RevealString().Should().Be("t0ken");
    }

    [Theory]
    [InlineData("04da6b54-80e4-46f7-96ec-b56ff0331ba9")]
    [InlineData("1c4a061d-8072-4f0a-a4cb-0ff528b18fe7")]
    [InlineData("dd056dcd-154b-4c76-9bd3-c8f88648b5ff")]
    public void UnknownSentinels_BecomeUnknown(string sentinel) =>
        PropertyStructConverter.ToPropertyValue(Value.ForString(sentinel)).IsUnknown.Should().BeTrue();

    [Fact]
    public void Unknown_IsWrittenAsTheGenericSentinel() =>
        PropertyStructConverter.ToValue(PropertyValue.Unknown).StringValue.Should().Be(PulumiSignatures.UnknownValue);

    [Fact]
    public void SecretUnknown_StaysASecretWrappingTheSentinel()
    {
        var value = PropertyStructConverter.ToValue(PropertyValue.Secret(PropertyValue.Unknown));

        value.StructValue.Fields["value"].StringValue.Should().Be(PulumiSignatures.UnknownValue);
        var back = PropertyStructConverter.ToPropertyValue(value);
        back.IsSecret.Should().BeTrue();
        back.ContainsUnknown.Should().BeTrue();
    }

    [Fact]
    public void ResourceReference_IsReadAsItsId_OrUnknownWhenTheIdIsNotKnownYet()
    {
        static Value Reference(string id)
        {
            var s = new Struct();
            s.Fields[PulumiSignatures.Key] = Value.ForString(PulumiSignatures.ResourceReference);
            s.Fields["urn"] = Value.ForString("urn:pulumi:s::p::bird:index:AccessPolicy::x");
            s.Fields["id"] = Value.ForString(id);
            return Value.ForStruct(s);
        }

        PropertyStructConverter.ToPropertyValue(Reference("abc")).Should().Be(PropertyValue.String("abc"));
        PropertyStructConverter.ToPropertyValue(Reference(string.Empty)).IsUnknown.Should().BeTrue();
    }

    [Fact]
    public void OutputValue_WithoutValueIsUnknown_AndSecretFlagWraps()
    {
        var output = new Struct();
        output.Fields[PulumiSignatures.Key] = Value.ForString(PulumiSignatures.OutputValue);
        output.Fields["secret"] = Value.ForBool(true);
        PropertyStructConverter.ToPropertyValue(Value.ForStruct(output)).Should().Match<PropertyValue>(v => v.IsSecret && v.ContainsUnknown);

        output.Fields["value"] = Value.ForString("x");
        PropertyStructConverter.ToPropertyValue(Value.ForStruct(output)).RevealString().Should().Be("x");
    }

    [Fact]
    public void InternalKeys_AreDropped()
    {
        var s = new Struct();
        s.Fields["__internal"] = Value.ForString("x");
        s.Fields["name"] = Value.ForString("n");

        PropertyStructConverter.ToPropertyMap(s).Keys.Should().Equal("name");
    }
}
