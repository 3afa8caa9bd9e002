
namespace BirdInfra.Providers.Kinds;

/// <summary>An object as BirdInfra knows it: Bird's id, the inputs it was made from, and every output (inputs included).</summary>
public sealed record ResourceSnapshot(string Id, PropertyMap Inputs, PropertyMap Outputs)
{
    /// <summary>An object as Bird answered it: its outputs are the inputs plus its id and what else Bird assigned (absent values left out).</summary>
    public static ResourceSnapshot FromBird(string id, PropertyMap inputs, params (string Key, PropertyValue? Value)[] assigned)
    {
        var outputs = inputs.With(KindSchema.Id, PropertyValue.String(id));
        foreach (var (key, value) in assigned)
        {
            if (value is not null && !value.IsNull)
            {
                outputs = outputs.With(key, value);
            }
        }

        return new ResourceSnapshot(id, inputs, outputs);
    }
}
