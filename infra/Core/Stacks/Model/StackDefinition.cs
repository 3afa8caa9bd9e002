using System.Collections.Immutable;

namespace BirdInfra.Stacks.Model;

/// <summary>
/// A validated stack file: the target and the declarations of each kind, in file order. Strings are as
/// written (interpolation such as <c>${organizationId}</c> is not yet applied; see <see cref="StackInterpolation"/>),
/// defaults are filled in, references are logical names.
/// </summary>
/// <param name="Name">The file name without <c>.yaml</c>, e.g. <c>dev</c>.</param>
public sealed record StackDefinition(
    string Name,
    string FilePath,
    TargetDefinition Target,
    ImmutableArray<PolicyDeclaration> AccessPolicies,
    ImmutableArray<RoleDeclaration> AccessRoles,
    ImmutableArray<AccessKeyDeclaration> AccessKeys,
    ImmutableArray<ConnectorDeclaration> Connectors,
    ImmutableArray<WebhookDeclaration> WebhookSubscriptions)
{
    /// <summary>The <c>guards</c> section and every resource's own <c>protect:</c>; none when the file has neither.</summary>
    public GuardsDefinition Guards { get; init; } = GuardsDefinition.None;
}
