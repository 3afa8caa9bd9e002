
namespace BirdInfra.Compare;

/// <summary>
/// Compares what Bird holds for two stacks (each stack's state, refreshed from its target): per resource address and
/// input property. Ids of a stack's own objects read as references (<c>→ AccessPolicy.contact-center</c>), since two
/// environments never share ids; a secret is compared by its declared source (the variable or the generator), never by
/// value, as offline. Both stacks' <c>compare.expect</c> patterns apply.
/// </summary>
public static class LiveComparer
{
    public static StackComparison Compare(StackDefinition left, StackState leftLive, StackDefinition right, StackState rightLive, KindRegistry kinds)
    {
        var sections = kinds.Declarable.Where(k => k.Stack is not null).ToDictionary(k => k.Name, k => k.Stack!.Name, StringComparer.Ordinal);
        var expect = left.Compare.Expect.AddRange(right.Compare.Expect);
        var mine = Values(leftLive, left);
        var theirs = Values(rightLive, right);
        var differences = ImmutableArray.CreateBuilder<PropertyDifference>();
        foreach (var (address, values) in mine)
        {
            if (!theirs.TryGetValue(address, out var other))
            {
                continue;
            }

            var section = sections.GetValueOrDefault(address.Kind, address.Kind);
            foreach (var path in values.Keys.Union(other.Keys).Order(StringComparer.Ordinal))
            {
                var l = values.GetValueOrDefault(path);
                var r = other.GetValueOrDefault(path);
                if (l != r)
                {
                    differences.Add(new PropertyDifference(
                        address.ToString(),
                        path,
                        l,
                        r,
                        expect.Any(e => e.MatchesProperty(section, address.Name, path))));
                }
            }
        }

        ImmutableArray<OnlyInOneStack> OnlyIn(Dictionary<Providers.Expressions.ResourceAddress, ImmutableSortedDictionary<string, string>> a, Dictionary<Providers.Expressions.ResourceAddress, ImmutableSortedDictionary<string, string>> b) =>
            [.. a.Keys.Where(k => !b.ContainsKey(k)).Order()
                .Select(k => new OnlyInOneStack(k.ToString(), expect.Any(e => e.MatchesResource(sections.GetValueOrDefault(k.Kind, k.Kind), k.Name))))];

        return new StackComparison(left.Name, right.Name, differences.ToImmutable(), OnlyIn(mine, theirs), OnlyIn(theirs, mine));
    }

    private static Dictionary<Providers.Expressions.ResourceAddress, ImmutableSortedDictionary<string, string>> Values(StackState state, StackDefinition stack)
    {
        var sources = new Dictionary<(string Kind, string Name, string Input), string>();
        foreach (var entry in stack.Resources)
        {
            foreach (var (input, expression) in entry.Inputs)
            {
                if (expression is Providers.Expressions.SecretSourceInput secret)
                {
                    sources[(entry.Kind, entry.LogicalName, input)] = "[secret] " + secret.Source;
                }
            }
        }

        // Every id the stack's own objects have (their Bird id and id-like outputs such as a connector's channel) reads as a reference.
        var references = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var resource in state.Resources.Where(r => !r.Deposed))
        {
            references.TryAdd(resource.Id, $"→ {resource.Address}");
            foreach (var (key, value) in resource.Outputs)
            {
                if (!value.IsSecret && value.AsStringOrNull() is { Length: >= 16 } text && key.EndsWith("Id", StringComparison.Ordinal))
                {
                    references.TryAdd(text, $"→ {resource.Address}.{key}");
                }
            }
        }

        var result = new Dictionary<Providers.Expressions.ResourceAddress, ImmutableSortedDictionary<string, string>>();
        foreach (var resource in state.Resources.Where(r => !r.Deposed))
        {
            var leaves = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
            foreach (var (key, value) in resource.Inputs)
            {
                if (value.IsSecret)
                {
                    leaves[key] = sources.GetValueOrDefault((resource.Address.Kind, resource.Address.Name, key), "[secret]");
                    continue;
                }

                Walk(value, key, leaves, references);
            }

            result[resource.Address] = leaves.ToImmutable();
        }

        return result;
    }

    private static void Walk(PropertyValue value, string path, ImmutableSortedDictionary<string, string>.Builder leaves, Dictionary<string, string> references)
    {
        switch (value.Kind)
        {
            case PropertyKind.Secret:
                leaves[path] = "[secret]";
                break;
            case PropertyKind.Map:
                foreach (var (key, inner) in value.AsMap())
                {
                    Walk(inner, $"{path}.{key}", leaves, references);
                }

                break;
            case PropertyKind.List:
                var items = value.AsList();
                for (var i = 0; i < items.Length; i++)
                {
                    Walk(items[i], $"{path}[{i}]", leaves, references);
                }

                break;
            case PropertyKind.Null:
                break;
            case PropertyKind.String:
                var text = value.AsString();
                leaves[path] = references.GetValueOrDefault(text, text);
                break;
            default:
                leaves[path] = value.ToString();
                break;
        }
    }
}
