
namespace BirdInfra.Providers.Schema;

/// <summary>A kind's documented inputs and outputs: the source of the Pulumi schema, previews' unknowns and secret flags.</summary>
public sealed record KindSchema(string Description, ImmutableArray<PropertySchema> Inputs, ImmutableArray<PropertySchema> Outputs);
