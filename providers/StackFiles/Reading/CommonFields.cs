
namespace BirdInfra.Providers.StackFiles.Reading;

/// <summary>Fields several kinds share: the Bird-side name, the description, references and interpolation.</summary>
internal static class CommonFields
{
    /// <summary>
    /// Sets the Bird-side <c>name</c> input, defaulting to the logical name, and records it for the uniqueness check.
    /// Bird's rules on the value are the kind's Check.
    /// </summary>
    public static void Name(ValidationContext context, string section, ScalarNode key, MappingNode body, StackEntryBuilder entry)
    {
        var node = FieldReader.Optional(body, KindField.NameKey);
        if (node is null)
        {
            context.Index.BirdNames.Add((section, key.Value, key));
            entry.Set(KindField.NameKey, StackEntryBuilder.Text(key.Value), key);
            return;
        }

        if (context.Reader.String(node, $"{KindField.NameKey}: ucx-contact-center") is not { } name)
        {
            entry.Set(KindField.NameKey, StackEntryBuilder.Unreadable, node);
            return;
        }

        context.Index.BirdNames.Add((section, name, node));
        entry.Set(KindField.NameKey, StackEntryBuilder.Text(name), node);
    }

    /// <summary>Sets the <c>description</c> input (<see cref="KindField.BirdDescription"/>); a required one that is missing is reported here.</summary>
    public static void Description(ValidationContext context, MappingNode body, KindField field, SourceLocation owner, StackEntryBuilder entry)
    {
        var required = field.StackRequired;
        var node = required
            ? context.Reader.Required(body, field.Key!, owner, field.MissingHint!)
            : FieldReader.Optional(body, field.Key!);
        if (node is null)
        {
            entry.Set(field.Property!, required ? StackEntryBuilder.Unreadable : null);
            return;
        }

        entry.Set(field.Property!, context.Reader.String(node, field.Example!) is { } description ? StackEntryBuilder.Text(description) : StackEntryBuilder.Unreadable, node);
    }

    /// <summary>
    /// A required text field, set as the input <paramref name="input"/> (the field's own name by default); a missing or
    /// unusable one is reported here and stands as unreadable, so the kind's check does not report it again. An unquoted
    /// number keeps its exact digits.
    /// </summary>
    private static string? RequiredText(ValidationContext context, MappingNode body, string field, string example, string hint, SourceLocation owner, StackEntryBuilder entry, string? input = null)
    {
        input ??= field;
        if (context.Reader.Required(body, field, owner, hint) is not { } node)
        {
            entry.Set(input, StackEntryBuilder.Unreadable);
            return null;
        }

        return SetText(context, node, example, input, entry);
    }

    /// <summary>An optional text field; absent, it is <paramref name="defaultValue"/> (or left out when that is null).</summary>
    private static string? OptionalText(ValidationContext context, MappingNode body, string field, string example, string? defaultValue, StackEntryBuilder entry, string? input = null)
    {
        input ??= field;
        if (FieldReader.Optional(body, field) is not { } node)
        {
            entry.Set(input, defaultValue is null ? null : StackEntryBuilder.Text(defaultValue));
            return defaultValue;
        }

        return SetText(context, node, example, input, entry);
    }

    /// <summary>
    /// A text field of the kind's field table, read as its input: required or optional (with its default) as the table
    /// says. The value's rules are the kind's Check.
    /// </summary>
    public static string? TableText(ValidationContext context, MappingNode body, KindField field, SourceLocation owner, StackEntryBuilder entry) =>
        field.StackRequired
            ? RequiredText(context, body, field.Key!, field.Example ?? field.Key!, field.MissingHint ?? $"Add {field.Key}.", owner, entry, field.Property)
            : OptionalText(context, body, field.Key!, field.Example ?? field.Key!, field.Default, entry, field.Property);

    private static string? SetText(ValidationContext context, StackNode node, string example, string input, StackEntryBuilder entry)
    {
        var value = context.Reader.String(node, example);
        entry.Set(input, value is null ? StackEntryBuilder.Unreadable : StackEntryBuilder.Text(value), node);
        return value;
    }

    /// <summary>
    /// A required, non-empty list of logical names of <paramref name="targetSection"/>. An empty one is a reference
    /// problem (it names nothing), reported here; in the kind's inputs the references are ids the plugin receives resolved.
    /// </summary>
    public static List<(string Name, StackNode Node)>? References(ValidationContext context, MappingNode body, KindField reference, SourceLocation owner)
    {
        var (field, targetSection) = (reference.Key!, reference.ReferencesSection!);
        var example = $"{field}: [contact-center]";
        if (context.Reader.Required(body, field, owner, $"Add the {targetSection} it uses by logical name, e.g. {example}.") is not { } node
            || context.Reader.StringList(node, example, nonEmpty: true) is not { } items)
        {
            return null;
        }

        foreach (var (name, item) in items)
        {
            context.Index.References.Add((targetSection, name, item));
        }

        return items.ToList();
    }

    /// <summary>
    /// Checks the <c>${...}</c> in <paramref name="value"/> name only <paramref name="allowed"/> variables.
    /// A <c>{organizationId}</c> without '$' (as the Bird docs write it) gets its own hint.
    /// </summary>
    public static bool Interpolation(ValidationContext context, string value, StackNode node, IReadOnlyList<string> allowed, string where)
    {
        var allowedText = string.Join(" and ", allowed.Select(v => $"${{{v}}}"));
        var (variables, unclosed) = StackInterpolation.Parse(value);
        if (unclosed)
        {
            context.Reader.Report(
                DiagnosticCodes.UnknownInterpolation,
                $"'{Text.Shown(value)}' has a '${{' that is not closed by '}}'.",
                $"In {where} write {allowedText} exactly.",
                node);
            return false;
        }

        foreach (var variable in variables)
        {
            if (!allowed.Contains(variable, StringComparer.Ordinal))
            {
                var closest = Text.Closest(variable, allowed);
                context.Reader.Report(
                    DiagnosticCodes.UnknownInterpolation,
                    $"'${{{Text.Shown(variable, 40)}}}' is not a variable {where} can use.",
                    closest is null ? $"In {where} you can use {allowedText}." : $"Did you mean '${{{closest}}}'? In {where} you can use {allowedText}.",
                    node);
                return false;
            }
        }

        var withoutVariables = value;
        foreach (var variable in variables)
        {
            withoutVariables = withoutVariables.Replace($"${{{variable}}}", string.Empty, StringComparison.Ordinal);
        }

        foreach (var variable in allowed)
        {
            if (withoutVariables.Contains($"{{{variable}}}", StringComparison.Ordinal))
            {
                context.Reader.Report(
                    DiagnosticCodes.UnknownInterpolation,
                    $"'{Text.Shown(value)}' writes {{{variable}}} without '$'.",
                    $"Write ${{{variable}}} to insert the target's id.",
                    node);
                return false;
            }
        }

        return true;
    }
}
