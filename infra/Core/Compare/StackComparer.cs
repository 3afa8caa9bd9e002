
namespace BirdInfra.Compare;

/// <summary>
/// Compares two loaded stacks' effective declarations, resource by resource and property by property, offline. The
/// <c>compare.expect</c> patterns of both stacks mark differences as expected.
/// </summary>
public static class StackComparer
{
    /// <param name="environment">Reads the ids of each target for <c>${…}</c> substitution (left as written when unset).</param>
    public static StackComparison Compare(StackLoadResult left, StackLoadResult right, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(left.Stack);
        ArgumentNullException.ThrowIfNull(right.Stack);
        var expect = left.Stack.Compare.Expect.AddRange(right.Stack.Compare.Expect);
        var leftValues = Declarations(left, environment);
        var rightValues = Declarations(right, environment);
        var differences = ImmutableArray.CreateBuilder<PropertyDifference>();
        foreach (var entry in left.Stack.Resources)
        {
            var key = (entry.Section, entry.LogicalName);
            if (!rightValues.TryGetValue(key, out var other))
            {
                continue;
            }

            var mine = leftValues[key];
            var address = $"{entry.Kind}.{entry.LogicalName}";
            foreach (var path in mine.Keys.Union(other.Keys).Order(StringComparer.Ordinal))
            {
                var l = mine.GetValueOrDefault(path);
                var r = other.GetValueOrDefault(path);
                if (l != r)
                {
                    differences.Add(new PropertyDifference(address, path, l, r, expect.Any(e => e.MatchesProperty(entry.Section, entry.LogicalName, path))));
                }
            }
        }

        return new StackComparison(
            left.Stack.Name,
            right.Stack.Name,
            differences.ToImmutable(),
            OnlyIn(left.Stack, rightValues, expect),
            OnlyIn(right.Stack, leftValues, expect));
    }

    private static ImmutableArray<OnlyInOneStack> OnlyIn(StackDefinition stack, Dictionary<(string, string), ImmutableSortedDictionary<string, string>> other, ImmutableArray<CompareExpectation> expect) =>
        [.. stack.Resources
            .Where(e => !other.ContainsKey((e.Section, e.LogicalName)))
            .Select(e => new OnlyInOneStack($"{e.Kind}.{e.LogicalName}", expect.Any(x => x.MatchesResource(e.Section, e.LogicalName))))];

    private static Dictionary<(string, string), ImmutableSortedDictionary<string, string>> Declarations(StackLoadResult load, Func<string, string?> environment)
    {
        var stack = load.Stack!;
        var organizationId = stack.Target.OrganizationId?.Resolve(environment);
        var workspaceId = stack.Target.WorkspaceId?.Resolve(environment);
        var top = (MappingNode)load.Effective!;
        var result = new Dictionary<(string, string), ImmutableSortedDictionary<string, string>>();
        foreach (var entry in stack.Resources)
        {
            var node = ((MappingNode)top.Find(entry.Section)!.Value).Find(entry.LogicalName)!.Value;
            result[(entry.Section, entry.LogicalName)] = DeclaredValues.Of(node, organizationId, workspaceId);
        }

        return result;
    }
}
