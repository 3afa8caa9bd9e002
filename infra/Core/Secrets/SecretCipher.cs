using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace BirdInfra.Secrets;

/// <summary>
/// Encrypts secret values at rest with AES-256-GCM under a key derived from the stack passphrase
/// (PBKDF2-SHA256). A known check value tells a wrong passphrase apart from a corrupt file.
/// </summary>
public sealed class SecretCipher
{
    private const int Iterations = 100_000;
    private const int DerivedKeysKept = 64;
    private const string CheckPlaintext = "birdinfra-passphrase-check";

    /// <summary>
    /// Keys derived in this process, by a SHA-256 of salt and passphrase (so no passphrase is kept). PBKDF2 costs tens of
    /// milliseconds of CPU by design, once per state a process opens: a process that opens the same state more than once
    /// (a host running several commands in one process, as the test host does) derives its key once. It keeps what an
    /// open state store keeps anyway, for the life of the process, and at most <see cref="DerivedKeysKept"/>.
    /// </summary>
    private static readonly ConcurrentDictionary<string, byte[]> DerivedKeys = new();

    private readonly byte[] _key;

    private SecretCipher(byte[] salt, byte[] key)
    {
        Salt = salt;
        _key = key;
    }

    public byte[] Salt { get; }

    public static SecretCipher Create(string passphrase) => FromSalt(passphrase, RandomNumberGenerator.GetBytes(16));

    public static SecretCipher FromSalt(string passphrase, byte[] salt) => new(salt, DerivedKey(passphrase, salt));

    private static byte[] DerivedKey(string passphrase, byte[] salt)
    {
        var secret = Encoding.UTF8.GetBytes(passphrase);
        var id = Convert.ToHexString(SHA256.HashData([.. salt, .. secret]));
        if (DerivedKeys.TryGetValue(id, out var known))
        {
            return known;
        }

        var key = Rfc2898DeriveBytes.Pbkdf2(secret, salt, Iterations, HashAlgorithmName.SHA256, 32);
        if (DerivedKeys.Count >= DerivedKeysKept)
        {
            DerivedKeys.Clear();
        }

        DerivedKeys[id] = key;
        return key;
    }

    public string CheckValue() => Encrypt(CheckPlaintext);

    public bool Verifies(string checkValue) => TryDecrypt(checkValue, out var plain) && plain == CheckPlaintext;

    public string Encrypt(string plaintext)
    {
        var nonce = RandomNumberGenerator.GetBytes(12);
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var cipher = new byte[plain.Length];
        var tag = new byte[16];
        using (var aes = new AesGcm(_key, 16))
        {
            aes.Encrypt(nonce, plain, cipher, tag);
        }

        return Convert.ToBase64String([.. nonce, .. tag, .. cipher]);
    }

    public bool TryDecrypt(string encoded, out string plaintext)
    {
        plaintext = string.Empty;
        try
        {
            var bytes = Convert.FromBase64String(encoded);
            if (bytes.Length < 28)
            {
                return false;
            }

            var plain = new byte[bytes.Length - 28];
            using var aes = new AesGcm(_key, 16);
            aes.Decrypt(bytes.AsSpan(0, 12), bytes.AsSpan(28), bytes.AsSpan(12, 16), plain);
            plaintext = Encoding.UTF8.GetString(plain);
            return true;
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            return false;
        }
    }
}
