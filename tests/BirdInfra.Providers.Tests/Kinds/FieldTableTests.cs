using BirdInfra.Providers.Kinds;
using BirdInfra.Providers.Schema;

namespace BirdInfra.Providers.Tests.Kinds;

/// <summary>What a field table tells the stack reader about an entry written empty (<c>main:</c> with nothing under it).</summary>
public sealed class FieldTableTests
{
    [Fact]
    public void RequiredFields_NamesTheFieldsAnEntryNeeds()
    {
        var table = new FieldTable(
            new KindField("event", PropertyType.String, "e") { Required = true },
            new KindField("url", PropertyType.String, "u") { Required = true },
            new KindField("description", PropertyType.String, "d"));

        table.RequiredFields.Should().Be("event and url");
    }

    [Fact]
    public void RequiredFields_OfAKindWithOnlyOptionalFields_NamesWhatAnEntryAccepts()
    {
        var table = new FieldTable(new KindField("name", PropertyType.String, "n"), KindField.Protect);

        table.RequiredFields.Should().Be("any of name, protect");
    }
}
