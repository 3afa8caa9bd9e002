using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace BirdInfra.Providers.Client;

/// <summary>Bird's JSON conventions: camelCase names, absent rather than null optional fields.</summary>
internal static class BirdJson
{
    public static readonly JsonSerializerSettings Settings = new()
    {
        ContractResolver = new CamelCasePropertyNamesContractResolver(),
        NullValueHandling = NullValueHandling.Ignore,
        MissingMemberHandling = MissingMemberHandling.Ignore,
        DateParseHandling = DateParseHandling.None,
    };

    public static string Serialize(object value) => JsonConvert.SerializeObject(value, Settings);

    public static T? Deserialize<T>(string json) => JsonConvert.DeserializeObject<T>(json, Settings);
}
