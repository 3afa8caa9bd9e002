using System.Globalization;
using System.Text;

namespace BirdInfra.Providers.Properties;

/// <summary>
/// An immutable resource property value. Secrets are a wrapper kind whose text never leaves through
/// <see cref="ToString"/>; equality ignores secret wrapping so a diff compares what Bird would see.
/// Unknown stands for a value Bird assigns later (preview); it may name the output it stands for.
/// Plain text of a secret is read only through <see cref="RevealString"/>.
/// </summary>
public sealed class PropertyValue : IEquatable<PropertyValue>
{
    public static readonly PropertyValue Null = new(PropertyKind.Null, null);
    public static readonly PropertyValue Unknown = new(PropertyKind.Unknown, null);
    public static readonly PropertyValue True = new(PropertyKind.Bool, true);
    public static readonly PropertyValue False = new(PropertyKind.Bool, false);
    public static readonly PropertyValue EmptyList = new(PropertyKind.List, ImmutableArray<PropertyValue>.Empty);

    private readonly object? _value;

    private PropertyValue(PropertyKind kind, object? value)
    {
        Kind = kind;
        _value = value;
    }

    public PropertyKind Kind { get; }

    public static PropertyValue String(string value) => new(PropertyKind.String, value ?? throw new ArgumentNullException(nameof(value)));

    public static PropertyValue Bool(bool value) => value ? True : False;

    public static PropertyValue Number(double value) => new(PropertyKind.Number, value);

    public static PropertyValue List(IEnumerable<PropertyValue> items) => new(PropertyKind.List, items.ToImmutableArray());

    public static PropertyValue List(params PropertyValue[] items) => new(PropertyKind.List, items.ToImmutableArray());

    public static PropertyValue Map(PropertyMap map) => new(PropertyKind.Map, map);

    /// <summary>Marks a value secret; wrapping twice is the same as wrapping once.</summary>
    public static PropertyValue Secret(PropertyValue inner) =>
        inner.Kind == PropertyKind.Secret ? inner : new(PropertyKind.Secret, inner);

    public static PropertyValue SecretString(string value) => Secret(String(value));

    /// <summary>An unknown that remembers which output it stands for, so apply can put the real value in its place.</summary>
    public static PropertyValue UnknownOf(UnknownOutput output) => new(PropertyKind.Unknown, output ?? throw new ArgumentNullException(nameof(output)));

    public bool IsNull => Kind == PropertyKind.Null;

    public bool IsUnknown => Kind == PropertyKind.Unknown;

    public bool IsSecret => Kind == PropertyKind.Secret;

    /// <summary>The output an unknown stands for; null for every other value and for an unknown that does not say (Pulumi's).</summary>
    public UnknownOutput? StandsFor => _value as UnknownOutput;

    /// <summary>The value without its secret wrapper (the value itself when it is not secret).</summary>
    public PropertyValue Unwrapped => Kind == PropertyKind.Secret ? (PropertyValue)_value! : this;

    public bool ContainsSecret => Kind switch
    {
        PropertyKind.Secret => true,
        PropertyKind.List => AsList().Any(v => v.ContainsSecret),
        PropertyKind.Map => AsMap().Values.Any(v => v.ContainsSecret),
        _ => false,
    };

    public bool ContainsUnknown => Unwrapped.Kind switch
    {
        PropertyKind.Unknown => true,
        PropertyKind.List => Unwrapped.AsList().Any(v => v.ContainsUnknown),
        PropertyKind.Map => Unwrapped.AsMap().Values.Any(v => v.ContainsUnknown),
        _ => false,
    };

    /// <summary>The text of a plain string, null for anything else; a secret is refused (see <see cref="RevealString"/>).</summary>
    public string? AsStringOrNull() => NotSecret()._value as string;

    /// <summary>The text of a plain string; a secret is refused (see <see cref="RevealString"/>).</summary>
    public string AsString() => AsStringOrNull() ?? throw new InvalidOperationException($"Expected a string, found {Kind}.");

    /// <summary>A plain bool, null for anything else; a secret is refused, like <see cref="AsString"/>.</summary>
    public bool? AsBoolOrNull() => NotSecret()._value is bool b ? b : null;

    /// <summary>A plain number, null for anything else; a secret is refused, like <see cref="AsString"/>.</summary>
    public double? AsNumberOrNull() => NotSecret()._value is double d ? d : null;

    /// <summary>
    /// The items of a list (empty for anything else). The items of a secret list come back secret themselves, so taking
    /// a secret apart never yields plain text: reading one stays explicit (<see cref="RevealString"/>).
    /// </summary>
    public ImmutableArray<PropertyValue> AsList() => Kind == PropertyKind.Secret
        ? [.. Unwrapped.AsList().Select(Secret)]
        : _value is ImmutableArray<PropertyValue> list ? list : ImmutableArray<PropertyValue>.Empty;

    /// <summary>The entries of a map (empty for anything else); a secret map's values come back secret, as for <see cref="AsList"/>.</summary>
    public PropertyMap AsMap() => Kind == PropertyKind.Secret
        ? PropertyMap.From(Unwrapped.AsMap().Select(e => KeyValuePair.Create(e.Key, Secret(e.Value))))
        : _value as PropertyMap ?? PropertyMap.Empty;

    /// <summary>
    /// The plain text of a string, secret or not: the one way to read a secret, for where plaintext is truly needed
    /// (sending it to Bird, checking it, scrubbing it from messages). Its call sites are the places a secret is read.
    /// </summary>
    public string RevealString() =>
        Unwrapped._value as string ?? throw new InvalidOperationException($"Expected a string, found {Unwrapped.Kind}.");

    public bool Equals(PropertyValue? other)
    {
        if (other is null)
        {
            return false;
        }

        var a = Unwrapped;
        var b = other.Unwrapped;
        if (a.Kind != b.Kind)
        {
            return false;
        }

        return a.Kind switch
        {
            PropertyKind.Null or PropertyKind.Unknown => true,
            PropertyKind.List => a.AsList().SequenceEqual(b.AsList()),
            _ => Equals(a._value, b._value),
        };
    }

    public override bool Equals(object? obj) => Equals(obj as PropertyValue);

    public override int GetHashCode()
    {
        var v = Unwrapped;
        return v.Kind switch
        {
            PropertyKind.List => v.AsList().Aggregate(17, (h, item) => (h * 31) + item.GetHashCode()),
            PropertyKind.Unknown => v.Kind.GetHashCode(),
            _ => HashCode.Combine(v.Kind, v._value),
        };
    }

    /// <summary>Display text; secrets render as <c>[secret]</c> wherever they sit.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        Render(sb);
        return sb.ToString();
    }

    private void Render(StringBuilder sb)
    {
        switch (Kind)
        {
            case PropertyKind.Null:
                sb.Append("null");
                break;
            case PropertyKind.Unknown:
                sb.Append("(known after apply)");
                break;
            case PropertyKind.Secret:
                sb.Append("[secret]");
                break;
            case PropertyKind.Bool:
                sb.Append((bool)_value! ? "true" : "false");
                break;
            case PropertyKind.Number:
                sb.Append(((double)_value!).ToString(CultureInfo.InvariantCulture));
                break;
            case PropertyKind.String:
                sb.Append('"').Append(((string)_value!).Replace("\"", "\\\"", StringComparison.Ordinal)).Append('"');
                break;
            case PropertyKind.List:
                sb.Append('[');
                var first = true;
                foreach (var item in AsList())
                {
                    if (!first)
                    {
                        sb.Append(", ");
                    }

                    first = false;
                    item.Render(sb);
                }

                sb.Append(']');
                break;
            case PropertyKind.Map:
                sb.Append(AsMap().ToString());
                break;
        }
    }

    private PropertyValue NotSecret() => Kind == PropertyKind.Secret
        ? throw new InvalidOperationException("The value is secret: read it with RevealString() where its plain text is truly needed, or let it print masked.")
        : this;

    public static bool operator ==(PropertyValue? left, PropertyValue? right) => left?.Equals(right) ?? right is null;

    public static bool operator !=(PropertyValue? left, PropertyValue? right) => !(left == right);
}
