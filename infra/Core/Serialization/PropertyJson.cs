using System.Text.Json.Nodes;

namespace BirdInfra.Serialization;

/// <summary>
/// Converts property values to and from JSON. Secrets never pass through here as plain text: the caller
/// decides how a secret is written (encrypted in state, masked in a JSON plan) and read back.
/// </summary>
public static class PropertyJson
{
    public const string SecretMarker = "$secret";

    /// <summary>A value nobody knows (a write-only secret of an imported object), as state records it.</summary>
    public const string UnknownMarker = "$unknown";

    /// <param name="markUnknowns">
    /// Write an unknown as <c>{"$unknown": true}</c>, read back as unknown (state), instead of the text shown in plans. A
    /// secret whose value is unknown is written the same way: it holds nothing to hide.
    /// </param>
    public static JsonNode? ToJson(PropertyValue value, Func<PropertyValue, JsonNode> writeSecret, bool markUnknowns = false) =>
        markUnknowns
            ? ToJson(value, secret => secret.IsUnknown ? UnknownMark() : writeSecret(secret), _ => UnknownMark())
            : ToJson(value, writeSecret, _ => JsonValue.Create("(known after apply)"));

    public static JsonObject ToJson(PropertyMap map, Func<PropertyValue, JsonNode> writeSecret, bool markUnknowns = false) =>
        markUnknowns
            ? ToJson(map, secret => secret.IsUnknown ? UnknownMark() : writeSecret(secret), _ => UnknownMark())
            : ToJson(map, writeSecret, _ => JsonValue.Create("(known after apply)"));

    /// <summary>
    /// The one walk over a value: plain values as JSON, maps as objects, lists as arrays; each secret (given without its
    /// wrapper) and each unknown written as the caller says.
    /// </summary>
    public static JsonNode? ToJson(PropertyValue value, Func<PropertyValue, JsonNode> writeSecret, Func<PropertyValue, JsonNode?> writeUnknown) => value.Kind switch
    {
        PropertyKind.Null => null,
        PropertyKind.Bool => JsonValue.Create(value.AsBoolOrNull()!.Value),
        PropertyKind.Number => JsonValue.Create(value.AsNumberOrNull()!.Value),
        PropertyKind.String => JsonValue.Create(value.AsString()),
        PropertyKind.List => new JsonArray(value.AsList().Select(v => ToJson(v, writeSecret, writeUnknown)).ToArray()),
        PropertyKind.Map => ToJson(value.AsMap(), writeSecret, writeUnknown),
        PropertyKind.Secret => writeSecret(value.Unwrapped),
        PropertyKind.Unknown => writeUnknown(value),
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    };

    public static JsonObject ToJson(PropertyMap map, Func<PropertyValue, JsonNode> writeSecret, Func<PropertyValue, JsonNode?> writeUnknown)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in map)
        {
            obj[key] = ToJson(value, writeSecret, writeUnknown);
        }

        return obj;
    }

    private static JsonObject UnknownMark() => new() { [UnknownMarker] = true };

    public static PropertyValue FromJson(JsonNode? node, Func<JsonObject, PropertyValue> readSecret)
    {
        switch (node)
        {
            case null:
                return PropertyValue.Null;
            case JsonArray array:
                return PropertyValue.List(array.Select(n => FromJson(n, readSecret)));
            case JsonObject obj when obj.ContainsKey(UnknownMarker):
                return PropertyValue.Unknown;
            case JsonObject obj when obj.ContainsKey(SecretMarker):
                return readSecret(obj);
            case JsonObject obj:
                return PropertyValue.Map(MapFromJson(obj, readSecret));
            case JsonValue v when v.TryGetValue<bool>(out var b):
                return PropertyValue.Bool(b);
            case JsonValue v when v.TryGetValue<double>(out var d):
                return PropertyValue.Number(d);
            case JsonValue v when v.TryGetValue<string>(out var s):
                return PropertyValue.String(s);
            default:
                throw new FormatException($"Unsupported JSON value at {node.GetPath()}.");
        }
    }

    public static PropertyMap MapFromJson(JsonObject obj, Func<JsonObject, PropertyValue> readSecret) =>
        PropertyMap.From(obj.Select(kv => new KeyValuePair<string, PropertyValue>(kv.Key, FromJson(kv.Value, readSecret))));
}
