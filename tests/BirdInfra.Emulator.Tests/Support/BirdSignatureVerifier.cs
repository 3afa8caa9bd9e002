using System.Security.Cryptography;
using System.Text;

namespace BirdInfra.Emulator.Tests.Support;

/// <summary>
/// Written from the fact sheet §4.4 only, independent of the emulator's signer:
/// HMAC-SHA256 with the UTF-8 signing key over timestamp "\n" url "\n" SHA-256(body) (raw 32 bytes),
/// compared in constant time with the base64-decoded <c>messagebird-signature</c> header.
/// </summary>
public static class BirdSignatureVerifier
{
    public static bool Verify(string signingKey, string signatureHeader, string timestampHeader, string url, byte[] body)
    {
        byte[] expected;
        try
        {
            expected = Convert.FromBase64String(signatureHeader);
        }
        catch (FormatException)
        {
            return false;
        }

        using var sha = SHA256.Create();
        var bodyHash = sha.ComputeHash(body);
        var signed = new List<byte>();
        signed.AddRange(Encoding.UTF8.GetBytes(timestampHeader));
        signed.Add((byte)'\n');
        signed.AddRange(Encoding.UTF8.GetBytes(url));
        signed.Add((byte)'\n');
        signed.AddRange(bodyHash);
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(signingKey));
        var actual = hmac.ComputeHash(signed.ToArray());
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }
}
