using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace BirdInfra.SavedPlans;

/// <summary>
/// Fingerprints of every object the plan read: each object state owned, as Bird held it when read (state merged with the
/// live listing, so a change made in Bird changes the hash). Secret values are left out of the hash: they are checked apart.
/// </summary>
public static class LiveFingerprints
{
    public static ImmutableArray<LiveFingerprint> Of(StackState recorded, StackState refreshed)
    {
        var ids = recorded.Resources.Concat(refreshed.Resources)
            .Select(r => (r.Address, r.Id))
            .Distinct()
            .OrderBy(r => r.Address)
            .ThenBy(r => r.Id, StringComparer.Ordinal);
        return [.. ids.Select(r => new LiveFingerprint(r.Address, r.Id, Hash(refreshed.Resources.FirstOrDefault(l => l.Address == r.Address && l.Id == r.Id))))];
    }

    private static string? Hash(StateResource? live)
    {
        if (live is null)
        {
            return null;
        }

        JsonNode Masked(PropertyValue _) => JsonValue.Create("[secret]");
        var canonical = new JsonObject
        {
            ["id"] = live.Id,
            ["inputs"] = PropertyJson.ToJson(live.Inputs, Masked),
            ["outputs"] = PropertyJson.ToJson(live.Outputs, Masked),
        };
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToJsonString())));
    }
}
