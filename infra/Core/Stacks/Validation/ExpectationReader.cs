
namespace BirdInfra.Stacks.Validation;

/// <summary>
/// Reads <c>accessKeys.&lt;key&gt;.expect: { allow: [...], deny: [...] }</c> beside the section (the key's own reading never
/// sees it, so it can never become an input). Each item is <c>"METHOD PATH"</c>; a path segment is literal text, <c>*</c>
/// (any id), <c>${organizationId}</c> or <c>${workspaceId}</c>.
/// </summary>
internal static class ExpectationReader
{
    private const string Example = "expect: { allow: [\"POST /workspaces/${workspaceId}/channels/*/messages\"], deny: [\"DELETE /workspaces/*/connectors/*\"] }";
    private static readonly ImmutableArray<string> Keys = ["allow", "deny"];
    private static readonly string[] Variables = ["${organizationId}", "${workspaceId}"];

    /// <param name="keySection">The access keys' section (the registry's IAM key kind); null when there is none.</param>
    public static ImmutableArray<AccessExpectation> Read(FieldReader reader, MappingNode top, string? keySection)
    {
        var result = ImmutableArray.CreateBuilder<AccessExpectation>();
        if (keySection is null || FieldReader.Optional(top, keySection) is not MappingNode keys)
        {
            return [];
        }

        foreach (var entry in keys.Entries)
        {
            if (entry.Value is not MappingNode body || FieldReader.Optional(body, StackKeys.Expect) is not { } node)
            {
                continue;
            }

            if (reader.Mapping(node, "expect", $"Write {Example}.") is not { } expect)
            {
                continue;
            }

            reader.CheckKeys(expect, Keys, "expect");
            foreach (var side in Keys)
            {
                if (FieldReader.Optional(expect, side) is not { } list
                    || reader.StringList(list, $"{side}: [\"GET /workspaces/${{workspaceId}}/channels/*\"]", nonEmpty: false, allowInterpolation: true) is not { } items)
                {
                    continue;
                }

                foreach (var (text, item) in items)
                {
                    if (Parse(reader, text, item) is { } request)
                    {
                        result.Add(new AccessExpectation(entry.Key.Value, side == "allow", request.Method, request.Path, reader.At(item), item.Path));
                    }
                }
            }
        }

        return result.ToImmutable();
    }

    private static (string Method, string Path)? Parse(FieldReader reader, string text, StackNode node)
    {
        var parts = text.Split(' ', 2, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var hint = "Write \"METHOD PATH\": a method Bird's policies name (GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE) and an API path whose segments are text, '*' (any id), ${organizationId} or ${workspaceId}, e.g. \"POST /workspaces/${workspaceId}/channels/*/messages\".";
        if (parts.Length != 2 || AccessActions.ForMethod(parts[0]) is null || parts[0] != parts[0].ToUpperInvariant())
        {
            reader.Report(DiagnosticCodes.InvalidExpectation, $"'{Text.Shown(text)}' is not \"METHOD PATH\" with a method Bird's policies name.", hint, node);
            return null;
        }

        var path = parts[1];
        var bad = !path.StartsWith('/') || path.Contains(' ', StringComparison.Ordinal) || path.IndexOfAny(['?', '#']) >= 0
            || AccessPath.Segments(path).Any(s => s == AccessPath.OneOrMore || (s.Contains('*', StringComparison.Ordinal) && s != AccessPath.One)
                || (s.Contains('$', StringComparison.Ordinal) && !Variables.Contains(s)) || (s.IndexOfAny(['{', '}']) >= 0 && !Variables.Contains(s)));
        if (bad)
        {
            reader.Report(DiagnosticCodes.InvalidExpectation, $"'{Text.Shown(path)}' is not a path an expectation can state: it must start with '/', and each segment be text, '*' (any id, a whole segment), ${{organizationId}} or ${{workspaceId}} ('**' is a policy pattern, not a request).", hint, node);
            return null;
        }

        return (parts[0], path);
    }
}
