
namespace BirdInfra.Providers.Schema;

/// <summary>A kind's documented inputs and outputs: the source of the Pulumi schema, previews' unknowns and secret flags.</summary>
public sealed record KindSchema(string Description, ImmutableArray<PropertySchema> Inputs, ImmutableArray<PropertySchema> Outputs)
{
    /// <summary>The output every kind has: the object's id in Bird.</summary>
    public const string Id = "id";

    /// <summary>
    /// A kind's schema whose outputs are its inputs (from its field table) followed by Bird's id of the object
    /// (<paramref name="what"/> names it) and what else only Bird returns.
    /// </summary>
    public static KindSchema From(string description, string what, ImmutableArray<PropertySchema> inputs, ImmutableArray<PropertySchema> outputsOnly) =>
        new(description, inputs, [.. inputs, new PropertySchema(Id, PropertyType.String, $"Bird's {what} id (UUID)."), .. outputsOnly]);
}
