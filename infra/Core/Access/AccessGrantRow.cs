
namespace BirdInfra.Access;

/// <summary>One allow row a key holds, as compared across a change: action, resource pattern and its role's workspaces.</summary>
public sealed record AccessGrantRow(string Action, string Resource, ImmutableArray<string> Workspaces)
{
    public bool Equals(AccessGrantRow? other) =>
        other is not null && Action == other.Action && Resource == other.Resource && Workspaces.SequenceEqual(other.Workspaces);

    public override int GetHashCode() => HashCode.Combine(Action, Resource, Workspaces.Length);
}
