
namespace BirdInfra.Providers.Schema;

/// <summary>The type of a property: a scalar, an array of <see cref="Items"/>, or an object of <see cref="Properties"/>.</summary>
public sealed record PropertyType(string Kind, PropertyType? Items = null, ImmutableArray<PropertySchema> Properties = default, ImmutableArray<string> Enum = default)
{
    public static readonly PropertyType String = new("string");
    public static readonly PropertyType Boolean = new("boolean");
    public static readonly PropertyType Number = new("number");

    public static PropertyType ArrayOf(PropertyType items) => new("array", items);

    public static PropertyType Object(params PropertySchema[] properties) => new("object", Properties: properties.ToImmutableArray());

    public static PropertyType OneOf(params string[] values) => new("string", Enum: values.ToImmutableArray());
}
