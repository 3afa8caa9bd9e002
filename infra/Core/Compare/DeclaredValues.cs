
namespace BirdInfra.Compare;

/// <summary>
/// One declaration's values as leaves (path in the stack file's words → text), from the effective YAML tree:
/// <c>${organizationId}</c>/<c>${workspaceId}</c> substituted when the stack's ids are known, a secret as its source
/// (<c>[secret] { env: NAME }</c>), never a value.
/// </summary>
internal static class DeclaredValues
{
    public static ImmutableSortedDictionary<string, string> Of(StackNode declaration, string? organizationId, string? workspaceId)
    {
        var leaves = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        Walk(declaration, string.Empty, leaves, organizationId, workspaceId);
        return leaves.ToImmutable();
    }

    private static void Walk(StackNode node, string path, ImmutableSortedDictionary<string, string>.Builder leaves, string? organizationId, string? workspaceId)
    {
        switch (node)
        {
            case MappingNode source when source.Find("env") is not null || source.Find("generate") is not null:
                leaves[path] = "[secret] { " + string.Join(", ", source.Entries.Select(e => $"{e.Key.Value}: {(e.Value as ScalarNode)?.Value}")) + " }";
                break;
            case MappingNode mapping:
                foreach (var entry in mapping.Entries)
                {
                    if (entry.Value is not ScalarNode { IsNull: true })
                    {
                        Walk(entry.Value, path.Length == 0 ? entry.Key.Value : $"{path}.{entry.Key.Value}", leaves, organizationId, workspaceId);
                    }
                }

                break;
            case SequenceNode list:
                for (var i = 0; i < list.Items.Length; i++)
                {
                    Walk(list.Items[i], $"{path}[{i}]", leaves, organizationId, workspaceId);
                }

                if (list.Items.IsEmpty)
                {
                    leaves[path] = "[]";
                }

                break;
            case ScalarNode scalar:
                leaves[path] = organizationId is not null && workspaceId is not null
                    ? StackInterpolation.Interpolate(scalar.Value, organizationId, workspaceId)
                    : scalar.Value;
                break;
        }
    }
}
