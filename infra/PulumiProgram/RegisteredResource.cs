using BirdInfra.Providers.Properties;

namespace BirdInfra.PulumiProgram;

/// <summary>
/// What the engine answered for one registration: its URN, its id ("" = not known yet, in preview) and its outputs
/// (unknowns as <see cref="PropertyValue.Unknown"/>, secrets wrapped). <see cref="OutputsUnknown"/> when the engine
/// skipped the step or could not say what it produced.
/// </summary>
public sealed record RegisteredResource(string Urn, string Id, PropertyMap Outputs, bool OutputsUnknown)
{
    public PropertyValue Output(string name)
    {
        if (OutputsUnknown)
        {
            return PropertyValue.Unknown;
        }

        if (name == "id")
        {
            return Id.Length == 0 ? PropertyValue.Unknown : PropertyValue.String(Id);
        }

        return Outputs[name] is { IsNull: false } value ? value : PropertyValue.Unknown;
    }
}
