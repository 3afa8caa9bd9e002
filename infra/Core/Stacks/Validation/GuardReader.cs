using System.Globalization;

namespace BirdInfra.Stacks.Validation;

/// <summary>
/// Reads the optional <c>guards</c> section (protected sections and addresses, the limit on destructive
/// changes) and joins it with each declaration's own <c>protect:</c>. Runs after the sections, so it can
/// check that a protected address is declared. Returns null when something is wrong.
/// </summary>
internal static class GuardReader
{
    private const string Example = "guards: { protect: [accessKeys, connectors], maxDestructiveChanges: 3 }";

    /// <param name="sections">The stack file's sections, which protection rules name.</param>
    public static GuardsDefinition? Read(ValidationContext context, MappingNode top, IReadOnlyList<string> sections)
    {
        var reader = context.Reader;
        var rules = ImmutableArray.CreateBuilder<ProtectionRule>();
        foreach (var (section, name, protect, node) in context.Index.Protections)
        {
            rules.Add(new ProtectionRule(section, name, protect, OnResource: true, reader.At(node), node.Path));
        }

        if (FieldReader.Optional(top, StackKeys.Guards) is not { } guardsNode)
        {
            return new GuardsDefinition(rules.ToImmutable(), null, null);
        }

        if (reader.Mapping(guardsNode, StackKeys.Guards, $"Write {Example}, or leave the section out.") is not { } guards)
        {
            return null;
        }

        reader.CheckKeys(guards, StackKeys.GuardsKeys, StackKeys.Guards);
        var valid = true;
        if (FieldReader.Optional(guards, StackKeys.Protect) is { } protectNode)
        {
            if (reader.StringList(protectNode, "protect: [accessKeys, connectors.sales-number]", nonEmpty: false) is { } items)
            {
                foreach (var (item, node) in items)
                {
                    if (Rule(context, sections, item, node) is { } rule)
                    {
                        rules.Add(rule);
                    }
                    else
                    {
                        valid = false;
                    }
                }
            }
            else
            {
                valid = false;
            }
        }

        int? limit = null;
        SourceLocation? limitLocation = null;
        if (FieldReader.Optional(guards, "maxDestructiveChanges") is { } limitNode)
        {
            limit = Limit(reader, limitNode);
            limitLocation = reader.At(limitNode);
            valid &= limit is not null;
        }

        string? accessGains = null;
        SourceLocation? accessGainsLocation = null;
        if (FieldReader.Optional(guards, "accessGains") is { } gainsNode)
        {
            if (gainsNode is ScalarNode { Value: "warn" or "block" } gains)
            {
                accessGains = gains.Value;
                accessGainsLocation = reader.At(gainsNode);
            }
            else
            {
                reader.Report(
                    DiagnosticCodes.InvalidAccessGainsGuard,
                    $"accessGains must be warn or block, not {gainsNode.Describe()}.",
                    "Write accessGains: warn (preview and up say when a key gains access) or accessGains: block (they stop), or leave it out.",
                    gainsNode);
                valid = false;
            }
        }

        return valid ? new GuardsDefinition(rules.ToImmutable(), limit, limitLocation) { AccessGains = accessGains, AccessGainsLocation = accessGainsLocation } : null;
    }

    /// <summary>A section name (<c>connectors</c>) or the address of one declared resource (<c>connectors.sales-number</c>).</summary>
    private static ProtectionRule? Rule(ValidationContext context, IReadOnlyList<string> sections, string item, StackNode node)
    {
        var reader = context.Reader;
        var dot = item.IndexOf('.', StringComparison.Ordinal);
        var section = dot < 0 ? item : item[..dot];
        if (!sections.Contains(section))
        {
            var known = sections.Order(StringComparer.Ordinal).ToList();
            var closest = Text.Closest(section, known);
            reader.Report(
                DiagnosticCodes.UnknownProtectedSection,
                $"'{Text.Shown(item)}' does not name a section: guards.protect lists sections and resource addresses.",
                (closest is null ? string.Empty : $"Did you mean '{closest}'? ")
                    + $"Write a section ({string.Join(", ", known)}) or an address such as connectors.sales-number.",
                node);
            return null;
        }

        if (dot < 0)
        {
            return new ProtectionRule(section, null, Protect: true, OnResource: false, reader.At(node), node.Path);
        }

        var name = item[(dot + 1)..];
        var declared = context.Index.DeclaredIn(section);
        if (!declared.Contains(name, StringComparer.Ordinal))
        {
            var closest = declared.Count <= 200 ? Text.Closest(name, declared) : null;
            reader.Report(
                DiagnosticCodes.UndeclaredProtectedResource,
                $"'{Text.Shown(item)}' names no resource: {section} declares no '{Text.Shown(name)}'.",
                closest is not null
                    ? $"Did you mean '{section}.{closest}'? An address is <section>.<logical name> of a resource in this file."
                    : $"An address is <section>.<logical name> of a resource in this file; to protect every entry of {section}, write '{section}'.",
                node);
            return null;
        }

        return new ProtectionRule(section, name, Protect: true, OnResource: false, reader.At(node), node.Path);
    }

    private static int? Limit(FieldReader reader, StackNode node)
    {
        if (node is ScalarNode { IsPlain: true } scalar
            && int.TryParse(scalar.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var limit))
        {
            return limit;
        }

        reader.Report(
            DiagnosticCodes.InvalidDestructiveLimit,
            $"maxDestructiveChanges must be a whole number of 0 or more, not {node.Describe()}.",
            "Write an unquoted number such as maxDestructiveChanges: 3 (0 allows no deletion or replacement), or leave it out for no limit.",
            node);
        return null;
    }
}
