using BirdInfra.Providers.AccessEvaluation;

namespace BirdInfra.Providers.AccessPolicy;

/// <summary>A policy beside the stack, for drift: its rows as Bird holds them.</summary>
public sealed class AccessPolicyDrift : IBesideStack
{
    public BesideDescription Describe(ResourceSnapshot live, BesideContext context)
    {
        ArgumentNullException.ThrowIfNull(live);
        return new BesideDescription(BesideDescription.NameOf(live), "rows: " + LiveAccess.Rows(AccessPolicyKind.Rows, live.Inputs), DriftSeverity.Info);
    }
}
