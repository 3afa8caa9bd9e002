
namespace BirdInfra.Providers.PulumiWire;

/// <summary>Pulumi's special-value encodings inside google.protobuf.Struct (signature key, kinds, unknown sentinels).</summary>
public static class PulumiSignatures
{
    public const string Key = "4dabf18193072939515e22adb298388d";

    public const string Secret = "1b47061264138c4ac30d75fd1eb44270";

    public const string ResourceReference = "5cf8f73096256a8f31e491e813e4eb8e";

    public const string OutputValue = "d0e6a833031e9bbcd3f4e8bde6ca49a4";

    public const string ByteString = "803fd3297a5875dc03ca845dda5d2a98";

    /// <summary>The generic unknown sentinel; the one this plugin writes.</summary>
    public const string UnknownValue = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

    /// <summary>Every typed unknown sentinel the engine may send (string, bool, number, array, asset, archive, object).</summary>
    public static readonly ImmutableHashSet<string> UnknownSentinels = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        UnknownValue,
        "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
        "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
        "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
        "030794c1-ac77-496b-92df-f27374a8bd58",
        "e48ece36-62e2-4504-bad9-02848725956a",
        "dd056dcd-154b-4c76-9bd3-c8f88648b5ff");
}
