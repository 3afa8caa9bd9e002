
namespace BirdInfra.Providers.Kinds;

/// <summary>
/// Reads raw inputs for a kind's Check: collects every failure (never first-error-wins), fills defaults,
/// keeps unknown values (preview) untouched and re-wraps secrets. Paths look like <c>definitions[2].actions[0]</c>.
/// </summary>
internal sealed class InputChecker
{
    private static readonly PropertyValue EmptyString = PropertyValue.String(string.Empty);

    private readonly ImmutableArray<CheckFailure>.Builder _failures = ImmutableArray.CreateBuilder<CheckFailure>();

    public ImmutableArray<CheckFailure> Failures => _failures.ToImmutable();

    public void Fail(string path, string message, string hint, string code = DiagnosticCodes.InvalidValue) => _failures.Add(new CheckFailure(path, message, hint, code));

    public void Apply(string path, RuleViolation? violation)
    {
        if (violation is not null)
        {
            Fail(path, violation.Message, violation.Hint, violation.Code);
        }
    }

    /// <summary>Reports keys the kind does not know (typos would otherwise be silently ignored).</summary>
    public void RejectUnknownKeys(PropertyMap map, string prefix, params string[] known)
    {
        foreach (var key in map.Keys.Where(k => !known.Contains(k, StringComparer.Ordinal)))
        {
            Fail(Join(prefix, key), $"'{key}' is not a property here.", $"Known properties: {string.Join(", ", known)}.", DiagnosticCodes.UnknownKey);
        }
    }

    /// <summary>Reports keys the table does not know, in the object at <paramref name="prefix"/>.</summary>
    public void RejectUnknownKeys(PropertyMap map, string prefix, FieldTable table) => RejectUnknownKeys(map, prefix, [.. table.Properties]);

    /// <summary>
    /// The table's text fields, each with its rule, default and secret flag, after unknown keys are reported; the kind
    /// adds its other fields (lists, objects) to the result itself.
    /// </summary>
    public PropertyMap Fields(PropertyMap map, FieldTable table)
    {
        RejectUnknownKeys(map, string.Empty, table);
        var values = new List<(string, PropertyValue?)>();
        foreach (var field in table.Fields.Where(f => f.Property is not null && f.Type.Kind == "string" && f.Type.Items is null))
        {
            values.Add((field.Property!, String(map, string.Empty, field)));
        }

        return PropertyMaps.Of([.. values]);
    }

    /// <summary>The text field <paramref name="field"/> of the object at <paramref name="prefix"/>: its rule (or <paramref name="rule"/>), default and secret flag.</summary>
    public PropertyValue? String(PropertyMap map, string prefix, KindField field, Func<string, RuleViolation?>? rule = null) =>
        String(map, prefix, field.Property!, field.Required, rule ?? field.Rule?.Check, field.Default, field.Secret);

    /// <summary>The list field <paramref name="field"/> of the object at <paramref name="prefix"/>, required as the table says.</summary>
    public ImmutableArray<PropertyValue>? List(PropertyMap map, string prefix, KindField field, bool nonEmpty = false) =>
        List(map, prefix, field.Property!, field.Required, nonEmpty);

    /// <summary>
    /// A string property: null when absent (or empty and optional), the default when one is given, the value
    /// (validated by <paramref name="rule"/>) otherwise. Unknown values pass through unchecked.
    /// </summary>
    public PropertyValue? String(
        PropertyMap map,
        string prefix,
        string key,
        bool required,
        Func<string, RuleViolation?>? rule = null,
        string? defaultValue = null,
        bool secret = false)
    {
        var path = Join(prefix, key);
        var value = map[key];
        if (value is null || value.IsNull || (!required && value.Equals(EmptyString)))
        {
            if (defaultValue is not null)
            {
                return PropertyValue.String(defaultValue);
            }

            if (required)
            {
                Fail(path, $"'{key}' is required.", $"Set '{key}'.", DiagnosticCodes.MissingField);
            }

            return null;
        }

        if (value.ContainsUnknown)
        {
            return secret ? PropertyValue.Secret(value) : value;
        }

        if (value.Unwrapped.Kind != PropertyKind.String)
        {
            Fail(path, $"'{key}' must be a string, not {Describe(value)}.", $"Write '{key}' as text.", DiagnosticCodes.WrongType);
            return null;
        }

        if (rule is not null)
        {
            // The rule needs the plain text even of a secret; Masked keeps it out of the failure.
            Apply(path, Masked(rule(value.RevealString()), value.IsSecret || secret));
        }

        return secret ? PropertyValue.Secret(value) : value;
    }

    /// <summary>A list property; absent or null is the empty list (or a failure when required).</summary>
    public ImmutableArray<PropertyValue>? List(PropertyMap map, string prefix, string key, bool required, bool nonEmpty = false)
    {
        var path = Join(prefix, key);
        var value = map[key];
        if (value is null || value.IsNull)
        {
            if (required)
            {
                Fail(path, $"'{key}' is required.", $"Set '{key}' to a list.", DiagnosticCodes.MissingField);
                return null;
            }

            return ImmutableArray<PropertyValue>.Empty;
        }

        if (value.IsUnknown)
        {
            return null;
        }

        if (value.Unwrapped.Kind != PropertyKind.List)
        {
            Fail(path, $"'{key}' must be a list, not {Describe(value)}.", $"Write '{key}' as a list.", DiagnosticCodes.WrongType);
            return null;
        }

        var items = value.AsList();
        if (nonEmpty && items.IsEmpty)
        {
            Fail(path, $"'{key}' must have at least one entry.", $"Add an entry to '{key}'.", DiagnosticCodes.EmptyList);
        }

        return items;
    }

    /// <summary>An object inside a list; null (with a failure) when it is something else.</summary>
    public PropertyMap? Object(PropertyValue item, string path)
    {
        if (item.Unwrapped.Kind == PropertyKind.Map)
        {
            return item.AsMap();
        }

        Fail(path, $"Expected an object, not {Describe(item)}.", "Write this entry as a mapping of properties.", DiagnosticCodes.WrongType);
        return null;
    }

    /// <summary>
    /// The objects of the list field <paramref name="list"/>, each with its path (<c>roles[2]</c>) and its keys checked
    /// against <paramref name="itemFields"/>; an item that is no object is reported and skipped.
    /// </summary>
    public IEnumerable<(PropertyMap Map, string Path)> Objects(ImmutableArray<PropertyValue> items, KindField list, FieldTable itemFields)
    {
        for (var i = 0; i < items.Length; i++)
        {
            var path = $"{list.Property}[{i}]";
            if (Object(items[i], path) is { } map)
            {
                RejectUnknownKeys(map, path, itemFields);
                yield return (map, path);
            }
        }
    }

    /// <summary>A list of strings, each checked; sorted and de-duplicated when the list is set-like. Unknown entries are kept at the end.</summary>
    public ImmutableArray<PropertyValue> StringSet(ImmutableArray<PropertyValue> items, string path, Func<string, RuleViolation?>? rule)
    {
        var known = new List<string>();
        var unknown = new List<PropertyValue>();
        for (var i = 0; i < items.Length; i++)
        {
            var item = items[i];
            if (item.ContainsUnknown)
            {
                unknown.Add(item);
                continue;
            }

            if (item.Unwrapped.Kind != PropertyKind.String)
            {
                Fail($"{path}[{i}]", $"Expected a string, not {Describe(item)}.", "Write this entry as text.", DiagnosticCodes.WrongType);
                continue;
            }

            if (rule is not null)
            {
                Apply($"{path}[{i}]", rule(item.AsString()));
            }

            known.Add(item.AsString());
        }

        return known.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(PropertyValue.String).Concat(unknown).ToImmutableArray();
    }

    public static string Join(string prefix, string key) => prefix.Length == 0 ? key : $"{prefix}.{key}";

    /// <summary>Failure text for a secret must not echo the value.</summary>
    private static RuleViolation? Masked(RuleViolation? violation, bool secret) =>
        violation is null || !secret ? violation : new RuleViolation("The secret value is invalid.", violation.Hint, violation.Code);

    private static string Describe(PropertyValue value) => value.Unwrapped.Kind switch
    {
        PropertyKind.Bool => "a boolean",
        PropertyKind.Number => "a number",
        PropertyKind.List => "a list",
        PropertyKind.Map => "an object",
        PropertyKind.String => "a string",
        _ => value.Unwrapped.Kind.ToString().ToLowerInvariant(),
    };
}
