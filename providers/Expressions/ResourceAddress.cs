namespace BirdInfra.Providers.Expressions;

/// <summary>Identifies a declared resource within a stack: its kind and logical name, e.g. <c>Connector.main-number</c>.</summary>
public sealed record ResourceAddress(string Kind, string Name) : IComparable<ResourceAddress>
{
    public static ResourceAddress Parse(string text)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot == text.Length - 1)
        {
            throw new FormatException($"'{text}' is not a resource address (Kind.name).");
        }

        return new ResourceAddress(text[..dot], text[(dot + 1)..]);
    }

    public int CompareTo(ResourceAddress? other) =>
        other is null ? 1 : string.CompareOrdinal(ToString(), other.ToString());

    public override string ToString() => $"{Kind}.{Name}";
}
