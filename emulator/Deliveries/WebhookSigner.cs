using System.Security.Cryptography;
using System.Text;

namespace BirdInfra.Emulator.Deliveries;

/// <summary>
/// Fact sheet §4.4: base64(HMAC-SHA256(key = UTF-8 signingKey, data = timestamp + "\n" + url + "\n" + SHA-256(body))),
/// where the body hash is the 32 raw bytes.
/// </summary>
internal static class WebhookSigner
{
    public static string Sign(string signingKey, string timestamp, string url, byte[] body)
    {
        var prefix = Encoding.UTF8.GetBytes($"{timestamp}\n{url}\n");
        var data = new byte[prefix.Length + 32];
        prefix.CopyTo(data, 0);
        SHA256.HashData(body).CopyTo(data, prefix.Length);
        return Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingKey), data));
    }
}
