using BirdInfra.Providers.Kinds;

namespace BirdInfra.Refresh;

/// <summary>When an object found by its natural key can be taken over, and when it must be deleted and made again.</summary>
public static class AdoptionRules
{
    /// <summary>
    /// True for kinds with a secret output that Bird shows only in the create response (an access key's token):
    /// such an object cannot be adopted, because nobody has its secret.
    /// </summary>
    public static bool HasCreateOnlySecret(IResourceKind kind) => ExactlyOnceCreate.HasCreateOnlySecret(kind);
}
