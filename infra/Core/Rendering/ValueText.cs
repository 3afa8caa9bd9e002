using System.Text;

namespace BirdInfra.Rendering;

/// <summary>Multi-line display of property values for previews; secrets print as [secret].</summary>
public static class ValueText
{
    public static void AppendProperty(StringBuilder sb, string indent, string key, PropertyValue? value)
    {
        sb.Append(indent).Append(key).Append(':');
        AppendValue(sb, indent, value);
    }

    public static string Inline(PropertyValue? value) => value is null ? "(none)" : value.ToString();

    /// <summary>
    /// Both sides of a changed list of objects (a policy's definitions) as one line per item, so a preview shows which
    /// rows changed rather than two blobs; null when either side is not such a list (or is secret).
    /// </summary>
    public static (IReadOnlyList<string> Old, IReadOnlyList<string> New)? RowPair(PropertyValue? old, PropertyValue? @new)
    {
        var left = Rows(old);
        var right = Rows(@new);
        return left is null || right is null || (left.Count == 0 && right.Count == 0) ? null : (left, right);
    }

    private static List<string>? Rows(PropertyValue? value)
    {
        if (value is null)
        {
            return [];
        }

        if (value.IsSecret || value.Kind != PropertyKind.List || value.AsList().Any(v => v.IsSecret || v.Kind != PropertyKind.Map))
        {
            return null;
        }

        return [.. value.AsList().Select(v => Row(v.AsMap()))];
    }

    /// <summary>A policy definition reads "allow view /a, /b"; any other object "key: value; …".</summary>
    private static string Row(PropertyMap map)
    {
        static string Items(PropertyValue? v) => v is { Kind: PropertyKind.List, IsSecret: false } ? string.Join(", ", v.AsList().Select(i => i.IsSecret ? "[secret]" : i.AsStringOrNull() ?? i.ToString())) : Inline(v);
        if (map.GetString("effect") is { } effect && map["actions"] is not null && map["resources"] is not null)
        {
            return $"{effect} {Items(map["actions"])} {Items(map["resources"])}";
        }

        return string.Join("; ", map.Select(kv => $"{kv.Key}: {Inline(kv.Value)}"));
    }

    private static void AppendValue(StringBuilder sb, string indent, PropertyValue? value)
    {
        if (value is null)
        {
            sb.AppendLine(" (none)");
            return;
        }

        if (value.IsSecret)
        {
            sb.AppendLine(" [secret]");
            return;
        }

        switch (value.Kind)
        {
            case PropertyKind.List when value.AsList().Length > 0 && value.AsList().Any(v => v.Kind is PropertyKind.Map or PropertyKind.List):
                sb.AppendLine();
                foreach (var item in value.AsList())
                {
                    AppendListItem(sb, indent + "  ", item);
                }

                break;
            case PropertyKind.Map when value.AsMap().Count > 0:
                sb.AppendLine();
                foreach (var (k, v) in value.AsMap())
                {
                    AppendProperty(sb, indent + "  ", k, v);
                }

                break;
            default:
                sb.Append(' ').AppendLine(value.ToString());
                break;
        }
    }

    private static void AppendListItem(StringBuilder sb, string indent, PropertyValue item)
    {
        if (item.Kind == PropertyKind.Map && !item.IsSecret && item.AsMap().Count > 0)
        {
            var first = true;
            foreach (var (k, v) in item.AsMap())
            {
                var prefix = first ? indent + "- " : indent + "  ";
                first = false;
                sb.Append(prefix).Append(k).Append(':');
                AppendValue(sb, indent + "  ", v);
            }
        }
        else
        {
            sb.Append(indent).Append("- ").AppendLine(item.ToString());
        }
    }
}
