using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace BirdInfra.Emulator.Http;

/// <summary>
/// The one set of JSON settings for wire bodies and the state file, so both agree on names and timestamps; they differ
/// only in indentation and in the wire leaving out <see cref="StoredOnlyAttribute"/> fields.
/// </summary>
internal static class EmulatorJson
{
    public static readonly JsonSerializerOptions Options = Create(writeIndented: false, wire: true);

    public static readonly JsonSerializerOptions FileOptions = Create(writeIndented: true, wire: false);

    private static JsonSerializerOptions Create(bool writeIndented, bool wire)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = writeIndented,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,

            // Bodies are JSON, never HTML; keep "+" in phone numbers and quotes in messages readable.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new UtcMillisecondsConverter());
        if (wire)
        {
            options.TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { LeaveOutStoredOnly } };
        }

        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private static void LeaveOutStoredOnly(JsonTypeInfo info)
    {
        foreach (var property in info.Properties)
        {
            if (property.AttributeProvider?.IsDefined(typeof(StoredOnlyAttribute), inherit: false) == true)
            {
                property.ShouldSerialize = static (_, _) => false;
            }
        }
    }
}
