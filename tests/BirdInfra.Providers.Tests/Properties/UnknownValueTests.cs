using BirdInfra.Providers.Properties;

namespace BirdInfra.Providers.Tests.Properties;

/// <summary>An unknown may name the output it stands for; it still compares, hashes and prints as any unknown.</summary>
public sealed class UnknownValueTests
{
    private static readonly PropertyValue PolicyId = PropertyValue.UnknownOf(new UnknownOutput("AccessPolicy.contact-center", "id"));

    [Fact]
    public void UnknownOf_RemembersTheOutput() =>
        PolicyId.StandsFor.Should().Be(new UnknownOutput("AccessPolicy.contact-center", "id"));

    [Fact]
    public void UnknownOf_IsUnknownAndPrintsAsKnownAfterApply()
    {
        PolicyId.IsUnknown.Should().BeTrue();
        PropertyValue.List(PolicyId).ContainsUnknown.Should().BeTrue();
        PolicyId.ToString().Should().Be("(known after apply)");
    }

    [Fact]
    public void UnknownOf_EqualsAnyUnknown_WithTheSameHash()
    {
        PolicyId.Should().Be(PropertyValue.Unknown);
        PolicyId.GetHashCode().Should().Be(PropertyValue.Unknown.GetHashCode());
    }

    [Fact]
    public void StandsFor_IsNullForOtherValues()
    {
        PropertyValue.Unknown.StandsFor.Should().BeNull();
        PropertyValue.String("AccessPolicy.contact-center").StandsFor.Should().BeNull();
    }

    [Fact]
    public void AsStringOrNull_OfAnUnknown_IsNull() =>
        PolicyId.AsStringOrNull().Should().BeNull();
}
