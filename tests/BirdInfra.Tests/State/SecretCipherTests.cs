using BirdInfra.Secrets;

namespace BirdInfra.Tests.State;

/// <summary>
/// The state's cipher derives each key once per process (PBKDF2 is slow by design): a key served again must be the key
/// of that passphrase and that salt, never another's.
/// </summary>
public sealed class SecretCipherTests
{
    [Fact]
    public void TheSamePassphraseAndSalt_OpenedAgain_DecryptWhatTheFirstEncrypted()
    {
        var first = SecretCipher.Create("first passphrase");
        var sealedText = first.Encrypt("EAAG-token-1");

        var again = SecretCipher.FromSalt("first passphrase", first.Salt);

        again.Verifies(first.CheckValue()).Should().BeTrue();
        again.TryDecrypt(sealedText, out var plain).Should().BeTrue();
        plain.Should().Be("EAAG-token-1");
    }

    [Fact]
    public void AnotherPassphraseOrSalt_AfterAKeyWasDerived_DoesNotDecrypt()
    {
        var first = SecretCipher.Create("first passphrase");
        var sealedText = first.Encrypt("EAAG-token-1");
        SecretCipher.FromSalt("first passphrase", first.Salt).Verifies(first.CheckValue()).Should().BeTrue();

        var otherPassphrase = SecretCipher.FromSalt("first passphrasf", first.Salt);
        var otherSalt = SecretCipher.FromSalt("first passphrase", [.. first.Salt.Reverse()]);

        otherPassphrase.Verifies(first.CheckValue()).Should().BeFalse();
        otherPassphrase.TryDecrypt(sealedText, out _).Should().BeFalse();
        otherSalt.Verifies(first.CheckValue()).Should().BeFalse();
        otherSalt.TryDecrypt(sealedText, out _).Should().BeFalse();
    }
}
