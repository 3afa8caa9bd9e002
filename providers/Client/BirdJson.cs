using System.Text.Json;
using System.Text.Json.Serialization;

namespace BirdInfra.Providers.Client;

/// <summary>
/// Bird's JSON conventions (System.Text.Json): camelCase names, names read without case, absent rather than null
/// optional fields, unknown fields ignored, and strings read tolerantly (<see cref="LenientStringConverter"/>).
/// </summary>
internal static class BirdJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new LenientStringConverter() },
    };

    public static string Serialize(object value) => JsonSerializer.Serialize(value, value.GetType(), Options);

    public static T? Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options);
}
