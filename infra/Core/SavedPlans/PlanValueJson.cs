using System.Text.Json;
using System.Text.Json.Nodes;

namespace BirdInfra.SavedPlans;

/// <summary>
/// Property values in a saved plan, exactly enough to check them at apply time: maps as objects, a secret as
/// <c>{"$secret": {"salt", "sha256"}}</c> (or <c>{"$secret": {"unknown": true}}</c> when not known yet), an output known
/// only after apply as <c>{"$unknown": {"resource", "output"}}</c>. No secret value is ever written.
/// </summary>
public static class PlanValueJson
{
    public const string SecretMarker = "$secret";

    public const string UnknownMarker = "$unknown";

    public static JsonNode? ToJson(PropertyValue? value) => value is null ? null : PropertyJson.ToJson(value, WriteSecret, WriteUnknown);

    public static JsonObject ToJson(PropertyMap map) => PropertyJson.ToJson(map, WriteSecret, WriteUnknown);

    /// <summary>
    /// Reads a value back for display only: a secret becomes a masked stand-in (it prints as [secret] and is never sent
    /// to Bird; what is sent comes from <see cref="SavedPlanCheck"/>, which resolves secrets again).
    /// </summary>
    public static PropertyValue? ForDisplay(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => PropertyValue.True,
        JsonValueKind.False => PropertyValue.False,
        JsonValueKind.Number => PropertyValue.Number(element.GetDouble()),
        JsonValueKind.String => PropertyValue.String(element.GetString()!),
        JsonValueKind.Array => PropertyValue.List(element.EnumerateArray().Select(e => ForDisplay(e) ?? PropertyValue.Null)),
        JsonValueKind.Object when element.TryGetProperty(SecretMarker, out _) => PropertyValue.SecretString("[secret]"),
        JsonValueKind.Object when element.TryGetProperty(UnknownMarker, out var unknown) => Unknown(unknown),
        _ => PropertyValue.Map(PropertyMap.From(element.EnumerateObject().Select(p => new KeyValuePair<string, PropertyValue>(p.Name, ForDisplay(p.Value) ?? PropertyValue.Null)))),
    };

    public static PropertyValue Unknown(JsonElement unknown) => unknown.ValueKind == JsonValueKind.Object
        ? PropertyValue.UnknownOf(new UnknownOutput(unknown.GetProperty("resource").GetString()!, unknown.GetProperty("output").GetString()!))
        : PropertyValue.Unknown;

    private static JsonNode WriteSecret(PropertyValue secret)
    {
        if (secret.ContainsUnknown)
        {
            return new JsonObject { [SecretMarker] = new JsonObject { ["unknown"] = true } };
        }

        var (salt, hash) = SecretDigest.Create(secret);
        return new JsonObject { [SecretMarker] = new JsonObject { ["salt"] = salt, ["sha256"] = hash } };
    }

    private static JsonNode WriteUnknown(PropertyValue unknown) => new JsonObject
    {
        [UnknownMarker] = unknown.StandsFor is { } output ? new JsonObject { ["resource"] = output.Resource, ["output"] = output.Output } : null,
    };
}
