using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BirdInfra.Emulator.Http;

/// <summary>The one set of JSON settings for wire bodies and the state file, so both agree on names and timestamps.</summary>
internal static class EmulatorJson
{
    public static readonly JsonSerializerOptions Options = Create(writeIndented: false);

    public static readonly JsonSerializerOptions FileOptions = Create(writeIndented: true);

    private static JsonSerializerOptions Create(bool writeIndented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = writeIndented,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,

            // Bodies are JSON, never HTML; keep "+" in phone numbers and quotes in messages readable.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new UtcMillisecondsConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
