using System.Text;
using BirdInfra.Providers.Properties;

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
