using System.Collections;
using System.Text;

namespace BirdInfra.Providers.Properties;

/// <summary>An immutable, key-ordered map of property values with structural equality.</summary>
public sealed class PropertyMap : IEquatable<PropertyMap>, IEnumerable<KeyValuePair<string, PropertyValue>>
{
    public static readonly PropertyMap Empty = new(ImmutableSortedDictionary<string, PropertyValue>.Empty.WithComparers(StringComparer.Ordinal));

    private readonly ImmutableSortedDictionary<string, PropertyValue> _items;

    private PropertyMap(ImmutableSortedDictionary<string, PropertyValue> items) => _items = items;

    public static PropertyMap From(IEnumerable<KeyValuePair<string, PropertyValue>> items) =>
        new(ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, items));

    public int Count => _items.Count;

    public IEnumerable<string> Keys => _items.Keys;

    public IEnumerable<PropertyValue> Values => _items.Values;

    public PropertyValue? this[string key] => _items.TryGetValue(key, out var v) ? v : null;

    public bool ContainsKey(string key) => _items.ContainsKey(key);

    public bool TryGetValue(string key, out PropertyValue value)
    {
        if (_items.TryGetValue(key, out var found))
        {
            value = found;
            return true;
        }

        value = PropertyValue.Null;
        return false;
    }

    public string? GetString(string key) => this[key]?.AsStringOrNull();

    public PropertyMap With(string key, PropertyValue value) => new(_items.SetItem(key, value));

    public PropertyMap Without(string key) => new(_items.Remove(key));

    public bool Equals(PropertyMap? other)
    {
        if (other is null || other.Count != Count)
        {
            return false;
        }

        foreach (var (key, value) in _items)
        {
            if (!other._items.TryGetValue(key, out var otherValue) || !value.Equals(otherValue))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as PropertyMap);

    public override int GetHashCode() => _items.Aggregate(19, (h, kv) => (h * 31) + HashCode.Combine(kv.Key, kv.Value));

    public IEnumerator<KeyValuePair<string, PropertyValue>> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString()
    {
        var sb = new StringBuilder("{");
        var first = true;
        foreach (var (key, value) in _items)
        {
            sb.Append(first ? " " : ", ").Append(key).Append(": ").Append(value);
            first = false;
        }

        return sb.Append(first ? "}" : " }").ToString();
    }
}
