
namespace BirdInfra.Providers.Kinds;

/// <summary>
/// One field of a kind, declared once in its <see cref="FieldTable"/>: the stack key, the Pulumi property it becomes, its
/// type and flags, its value rule and how export writes it. The section's keys and required fields, the JSON Schema of
/// an entry, the Pulumi schema, unknown-key rejection, Check's per-field rules and export are derived from it.
/// </summary>
/// <param name="Key">The key in a stack entry; null for a Pulumi-only property.</param>
/// <param name="Property">The kind's input (Pulumi property); null for a stack-only field (it steers BirdInfra, is never sent to Bird and never diffed).</param>
/// <param name="Type">The Pulumi type of <see cref="Property"/>.</param>
/// <param name="Description">The Pulumi schema's description.</param>
public sealed record KindField(string? Key, string? Property, PropertyType Type, string Description)
{
    /// <summary>A field whose stack key and Pulumi property have the same <paramref name="name"/>.</summary>
    public KindField(string name, PropertyType type, string description)
        : this(name, name, type, description)
    {
    }

    /// <summary>Check refuses the inputs without it; the Pulumi schema lists it in <c>requiredInputs</c>.</summary>
    public bool Required { get; init; }

    private readonly bool? _stackRequired;

    /// <summary>
    /// A stack entry must write it: the JSON Schema's <c>required</c>, the reader's missing-field report. By default
    /// <see cref="Required"/>; false when the section fills it (a name from the logical name), true when only a stack
    /// needs it (the policies of a role).
    /// </summary>
    public bool StackRequired
    {
        get => Key is not null && (_stackRequired ?? Required);
        init => _stackRequired = value;
    }

    public bool Secret { get; init; }

    public bool ReplaceOnChange { get; init; }

    /// <summary>What a change Bird holds to the field means to <c>drift</c> (moves traffic, grants access); null: info.</summary>
    public FieldDrift? Drift { get; init; }

    /// <summary>Bird's rule on the value (on each item, for a list of text), run by Check; its pattern or enumeration also goes into both schemas.</summary>
    public ValueRule? Rule { get; init; }

    /// <summary>
    /// For a list of objects: the fields of each object, a table of their own (a policy's definitions, a webhook's
    /// filters). The Pulumi object type, the reader's keys, Check's unknown keys and the item's JSON Schema come from it.
    /// </summary>
    public FieldTable? ItemFields { get; init; }

    /// <summary>The value Check fills in when the input is absent; export leaves a field out when it has this value.</summary>
    public string? Default { get; init; }

    /// <summary>The stack schema's description of the key (null: none).</summary>
    public string? StackDescription { get; init; }

    /// <summary>The stack schema's shared definition the key refers to (<c>secret</c>, <c>protect</c>); <see cref="ValueRule.SchemaRef"/> when null.</summary>
    public string? StackRef { get; init; }

    /// <summary>The JSON Schema types a stack file may write (<c>string</c>, <c>integer</c>); none when a definition gives them.</summary>
    public ImmutableArray<string> StackTypes { get; init; } = [];

    /// <summary>How the key is written, for messages about a wrong type, e.g. <c>wabaId: "102290129340398"</c>.</summary>
    public string? Example { get; init; }

    /// <summary>The fix offered when a stack entry leaves a required key out.</summary>
    public string? MissingHint { get; init; }

    /// <summary>For a list of logical names: the section it names (e.g. <c>accessRoles</c>); the kind's input holds the ids.</summary>
    public string? ReferencesSection { get; init; }

    /// <summary>The kind <see cref="ReferencesSection"/> declares, e.g. <c>AccessRole</c>.</summary>
    public string? ReferencesKind { get; init; }

    /// <summary>The key's JSON Schema, as text, when its shape is more than a value rule, a definition or a reference list.</summary>
    public string? StackSchema { get; init; }

    /// <summary>Where the property goes among the Pulumi inputs when not in table order (the table follows the stack file).</summary>
    public int? InputPosition { get; init; }

    public FieldExport Export { get; init; } = FieldExport.Plain;

    /// <summary>For <see cref="FieldExport.Plain"/>: a value Bird did not return is written empty with this comment; left out when null.</summary>
    public string? ExportMissing { get; init; }

    /// <summary>The stack-only field <c>protect</c>, which every section accepts.</summary>
    public static KindField Protect { get; } = new(StackKeys.Protect, null, PropertyType.Boolean, "true: up and destroy never delete or replace the resource.")
    {
        StackRef = "protect",
        Export = FieldExport.Custom,
    };

    /// <summary>The <c>description</c> Bird keeps beside the name (1-256 characters).</summary>
    public static KindField BirdDescription(string description, bool required, bool replaceOnChange, string? stackDescription = null) =>
        new("description", "description", PropertyType.String, description)
        {
            Required = required,
            ReplaceOnChange = replaceOnChange,
            Rule = BirdRules.DescriptionRule,
            StackDescription = stackDescription,
            Example = "description: Used by the contact center",
            MissingHint = "Add a description, e.g. description: Used by the contact center (Bird requires one).",
        };

    /// <summary>A list of objects, each of the fields of <paramref name="items"/>, its stack key and property both <paramref name="name"/>.</summary>
    public static KindField ObjectList(string name, FieldTable items, string description) => ObjectList(name, name, items, description);

    /// <summary>A list of objects, each of the fields of <paramref name="items"/>.</summary>
    public static KindField ObjectList(string key, string property, FieldTable items, string description) =>
        new(key, property, PropertyType.ArrayOf(items.ObjectType), description) { ItemFields = items };

    /// <summary>
    /// A list of logical names of <paramref name="section"/> in a stack entry; in the inputs, a list of references to
    /// those objects, each of the fields of <paramref name="items"/> (the id first).
    /// </summary>
    public static KindField References(string name, string section, string kind, FieldTable items, string description) =>
        References(name, name, section, kind, items, description);

    /// <inheritdoc cref="References(string, string, string, FieldTable, string)"/>
    public static KindField References(string key, string property, string section, string kind, FieldTable items, string description) =>
        ObjectList(key, property, items, description) with
        {
            StackRequired = true,
            ReferencesSection = section,
            ReferencesKind = kind,
            StackDescription = $"Logical names of {section}.",
            Export = FieldExport.Custom,
        };

    /// <summary>The id in a reference to a <paramref name="kind"/> object (no stack key: a stack names the <paramref name="what"/>, the compiler puts its id here).</summary>
    public static KindField ReferenceId(string what, string kind) =>
        new(null, KindSchema.Id, PropertyType.String, $"The {what}'s id, usually an {kind}'s id output.") { Required = true };

    /// <summary>The type in a reference to an IAM <paramref name="what"/> (<paramref name="whats"/>): custom (the default) or Bird's own (<see cref="BirdRules.IamTypes"/>).</summary>
    public static KindField IamType(string what, string whats) =>
        new(null, "type", PropertyType.OneOf([.. BirdRules.IamTypes]), $"'{BirdRules.CustomIamType}' for custom {whats} (default), '{BirdRules.ManagedIamType}' for Bird's.")
        {
            Rule = new ValueRule(
                t => BirdRules.IamTypes.Contains(t)
                    ? null
                    : new RuleViolation($"'{t}' is not a {what} type.", $"Use '{BirdRules.CustomIamType}' (custom {whats}, the default) or '{BirdRules.ManagedIamType}' (Bird's {whats})."),
                Values: BirdRules.IamTypes),
            Default = BirdRules.CustomIamType,
        };

    /// <summary>The Bird-side name's stack key and property, which every kind that has one shares (drift, export and errors name objects by it).</summary>
    public const string NameKey = "name";

    /// <summary>The Bird-side <c>name</c>: defaults to the logical name in a stack file, so only Check requires it.</summary>
    public static KindField Name(string description, bool replaceOnChange) => new(NameKey, NameKey, PropertyType.String, description)
    {
        Required = true,
        StackRequired = false,
        ReplaceOnChange = replaceOnChange,
        Rule = BirdRules.NameRule,
        StackDescription = "Bird-side name; defaults to the logical name.",
        Export = FieldExport.Custom,
    };
}
