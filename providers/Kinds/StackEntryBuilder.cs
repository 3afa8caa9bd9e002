
namespace BirdInfra.Providers.Kinds;

/// <summary>Collects a stack entry's inputs and the YAML node of each, for a kind's <see cref="StackSection.Read"/>.</summary>
public sealed class StackEntryBuilder(string kind, string section, string logicalName, SourceLocation location)
{
    /// <summary>Stands for a field whose YAML was unusable (already reported): the kind's check skips it.</summary>
    public static readonly LiteralInput Unreadable = new(PropertyValue.Unknown);

    private readonly ImmutableSortedDictionary<string, InputExpression>.Builder _inputs = ImmutableSortedDictionary.CreateBuilder<string, InputExpression>(StringComparer.Ordinal);
    private readonly ImmutableDictionary<string, StackNode>.Builder _nodes = ImmutableDictionary.CreateBuilder<string, StackNode>(StringComparer.Ordinal);

    /// <summary>Sets an input (nothing when <paramref name="value"/> is null) and records where it came from.</summary>
    public StackEntryBuilder Set(string input, InputExpression? value, StackNode? node = null)
    {
        if (value is not null)
        {
            _inputs[input] = value;
        }

        return node is null ? this : At(input, node);
    }

    /// <summary>Records the node an input path (e.g. <c>eventFilters[1].key</c>) came from.</summary>
    public StackEntryBuilder At(string path, StackNode node)
    {
        _nodes[path] = node;
        return this;
    }

    public StackEntry Build() => new(kind, section, logicalName, _inputs.ToImmutable(), location, _nodes.ToImmutable());

    public static LiteralInput Text(string value) => new(PropertyValue.String(value));

    public static LiteralInput Texts(IEnumerable<string> values) => new(PropertyValue.List(values.Select(PropertyValue.String)));

    public static MapInput Map(params (string Key, InputExpression Value)[] properties) =>
        new(properties.ToImmutableSortedDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));
}
