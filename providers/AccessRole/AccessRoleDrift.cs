
namespace BirdInfra.Providers.AccessRole;

/// <summary>A role beside the stack, for drift: the policies it holds, by name (a policy Bird did not list is managed).</summary>
public sealed class AccessRoleDrift : IBesideStack
{
    public BesideDescription Describe(ResourceSnapshot live, BesideContext context)
    {
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(context);
        var policies = context.Listed(AccessRoleFields.Policies.ReferencesKind!);
        var ids = (live.Inputs[AccessRoleFields.Policies.Property!]?.AsList() ?? []).Select(p => p.AsMap().GetString(AccessRoleFields.PolicyId.Property!) ?? "?").ToList();
        var names = ids.Count == 0 ? "none" : string.Join(", ", ids.Select(id => policies.FirstOrDefault(p => p.Id == id)?.Inputs.GetString(KindField.NameKey) ?? $"{id} (managed)"));
        return new BesideDescription(BesideDescription.NameOf(live), "policies: " + names, DriftSeverity.Info);
    }
}
