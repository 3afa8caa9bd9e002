namespace BirdInfra.Providers.Kinds;

/// <summary>
/// What <c>drift</c> says about a live object of the kind that no stack owns: what it is in one line and how much it
/// matters. A kind without one is reported by name with severity info.
/// </summary>
public interface IBesideStack
{
    /// <summary>Describes <paramref name="live"/>, as listed; never a secret (Bird echoes none).</summary>
    BesideDescription Describe(ResourceSnapshot live, BesideContext context);
}
