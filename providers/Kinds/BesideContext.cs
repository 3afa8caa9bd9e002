namespace BirdInfra.Providers.Kinds;

/// <summary>What a kind may use to describe an object beside the stack (<see cref="IBesideStack"/>).</summary>
/// <param name="Kinds">The registry: what another kind's objects hold (the IAM chain's fields, a connector's channel).</param>
/// <param name="Listings">Every kind's listing, by kind name: what a key's roles or a subscription's channel are.</param>
/// <param name="OrganizationId">The target's organization, which the stack writes as <c>${organizationId}</c>.</param>
/// <param name="WorkspaceId">The target's workspace, which the stack writes as <c>${workspaceId}</c>.</param>
/// <param name="IsDeployKeySuffix">True for the suffix Bird lists for the key the target authenticates with.</param>
public sealed record BesideContext(
    KindRegistry Kinds,
    IReadOnlyDictionary<string, IReadOnlyList<ResourceSnapshot>> Listings,
    string OrganizationId,
    string WorkspaceId,
    Func<string, bool> IsDeployKeySuffix)
{
    /// <summary>The objects of kind <paramref name="kind"/> as listed; none when it was not listed.</summary>
    public IReadOnlyList<ResourceSnapshot> Listed(string kind) => Listings.GetValueOrDefault(kind) ?? [];
}
