namespace BirdInfra.Providers.Kinds;

/// <summary>How <c>birdinfra export</c> writes a field of the field table.</summary>
public enum FieldExport
{
    /// <summary>The live value, as text, when the object has one (and it is not the field's default).</summary>
    Plain,

    /// <summary>Written by the section's own code (secrets, references, sugar) or not at all (stack-only fields, <c>name</c>).</summary>
    Custom,
}
