
namespace BirdInfra.Providers.AccessKey;

/// <summary>A key's binding to a role; a non-empty <see cref="Workspaces"/> restricts the role to those workspaces (sorted).</summary>
public sealed record AccessKeyRoleRef(string Id, string Type, ImmutableArray<string> Workspaces)
{
    public bool Equals(AccessKeyRoleRef? other) =>
        other is not null && Id == other.Id && Type == other.Type && Workspaces.SequenceEqual(other.Workspaces);

    public override int GetHashCode() => HashCode.Combine(Id, Type, Workspaces.Length);
}
