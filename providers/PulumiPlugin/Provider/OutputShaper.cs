using BirdInfra.Providers.Schema;

namespace BirdInfra.PulumiPlugin.Provider;

/// <summary>Shapes outputs for the engine: secret-flagged properties wrapped, previews' Bird-assigned values unknown.</summary>
public static class OutputShaper
{
    /// <summary>Wraps every top-level output the schema marks secret (token, accessToken, signingKey).</summary>
    public static PropertyMap WrapSecrets(KindSchema schema, PropertyMap outputs)
    {
        var result = outputs;
        foreach (var property in schema.Outputs.Concat(schema.Inputs).Where(p => p.Secret))
        {
            if (result[property.Name] is { IsNull: false } value)
            {
                result = result.With(property.Name, PropertyValue.Secret(value));
            }
        }

        return result;
    }

    /// <summary>A preview create: the checked inputs, plus unknowns for every output Bird assigns.</summary>
    public static PropertyMap PreviewCreate(KindSchema schema, PropertyMap inputs)
    {
        var result = inputs;
        foreach (var property in schema.Outputs.Where(p => !inputs.ContainsKey(p.Name) && !schema.Inputs.Any(i => i.Name == p.Name)))
        {
            result = result.With(property.Name, property.Secret ? PropertyValue.Secret(PropertyValue.Unknown) : PropertyValue.Unknown);
        }

        return WrapSecrets(schema, result);
    }

    /// <summary>A preview update: the new inputs, Bird-assigned outputs kept from the old state (unknown when absent).</summary>
    public static PropertyMap PreviewUpdate(KindSchema schema, PropertyMap olds, PropertyMap news)
    {
        var result = news;
        foreach (var property in schema.Outputs.Where(p => !schema.Inputs.Any(i => i.Name == p.Name)))
        {
            var kept = olds[property.Name] ?? PropertyValue.Unknown;
            result = result.With(property.Name, property.Secret ? PropertyValue.Secret(kept) : kept);
        }

        return WrapSecrets(schema, result);
    }
}
