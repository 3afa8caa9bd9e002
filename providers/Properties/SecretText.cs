namespace BirdInfra.Providers.Properties;

/// <summary>
/// A secret string inside typed specs (tokens, signing keys). It prints as <c>[secret]</c>, so a spec
/// record's generated ToString cannot leak it; <see cref="Reveal"/> is the one way to read it.
/// </summary>
public sealed class SecretText : IEquatable<SecretText>
{
    private readonly string _value;

    public SecretText(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    public string Reveal() => _value;

    public PropertyValue ToPropertyValue() => PropertyValue.SecretString(_value);

    public bool Equals(SecretText? other) => other is not null && string.Equals(_value, other._value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as SecretText);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_value);

    public override string ToString() => "[secret]";
}
