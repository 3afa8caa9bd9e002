using System.Text;
using System.Text.Json;

namespace BirdInfra.Emulator.Paging;

/// <summary>Keyset cursor: base64 of <c>[createdAtEpochMs,"id"]</c>, the shape of Bird's documented sample token.</summary>
internal sealed record PageToken(long CreatedAtMs, string Id)
{
    public string Encode() =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"[{CreatedAtMs},{JsonSerializer.Serialize(Id)}]"));

    public static PageToken? TryDecode(string text)
    {
        try
        {
            using var doc = JsonDocument.Parse(Convert.FromBase64String(text));
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Array && root.GetArrayLength() == 2
                && root[0].TryGetInt64(out var ms) && root[1].ValueKind == JsonValueKind.String)
            {
                return new PageToken(ms, root[1].GetString()!);
            }
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
        }

        return null;
    }
}
