namespace BirdInfra.Providers.Properties;

/// <summary>The shapes a resource property can take; the same model serves both engines.</summary>
public enum PropertyKind
{
    Null,
    Bool,
    Number,
    String,
    List,
    Map,
    Secret,
    Unknown,
}
