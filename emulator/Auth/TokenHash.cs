using System.Security.Cryptography;
using System.Text;

namespace BirdInfra.Emulator.Auth;

/// <summary>Tokens are stored and looked up only by their SHA-256 hash.</summary>
internal static class TokenHash
{
    public static string Of(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
