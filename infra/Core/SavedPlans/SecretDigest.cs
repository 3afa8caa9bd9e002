using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace BirdInfra.SavedPlans;

/// <summary>
/// How a saved plan records a secret without holding it: a random salt per value and PBKDF2-SHA256 of the value under it
/// (slow on purpose, so a short secret cannot be guessed quickly from the file). At apply time the secret is resolved
/// again and checked against it.
/// </summary>
public static class SecretDigest
{
    private const int Iterations = 100_000;

    public static (string Salt, string Hash) Create(PropertyValue secret)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        return (Convert.ToBase64String(salt), Compute(secret, salt));
    }

    public static bool Matches(PropertyValue secret, string salt, string hash)
    {
        byte[] saltBytes;
        try
        {
            saltBytes = Convert.FromBase64String(salt);
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Compute(secret, saltBytes)), Encoding.ASCII.GetBytes(hash));
    }

    private static string Compute(PropertyValue secret, byte[] salt)
    {
        var inner = secret.Unwrapped;
        var text = inner.Kind == PropertyKind.String
            ? inner.AsString()
            : PropertyJson.ToJson(inner, v => JsonValue.Create(v.ToString()))?.ToJsonString() ?? "null";
        return Convert.ToBase64String(Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(text), salt, Iterations, HashAlgorithmName.SHA256, 32));
    }
}
