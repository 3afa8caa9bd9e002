
namespace BirdInfra.Providers.Kinds;

/// <summary>Normalised inputs plus every failure found; the inputs are usable only when there are no failures.</summary>
public sealed record CheckResult(PropertyMap Inputs, ImmutableArray<CheckFailure> Failures)
{
    public bool IsValid => Failures.IsEmpty;
}
