using System.Collections.Immutable;
using BirdInfra.Providers.Rules;
using BirdInfra.Providers.Schema;

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
    /// <summary>Check refuses the inputs without it; the Pulumi schema lists it in <c>requiredInputs</c>.</summary>
    public bool Required { get; init; }

    /// <summary>A stack entry may leave out a <see cref="Required"/> field: the section fills it (a name from the logical name).</summary>
    public bool OptionalInStack { get; init; }

    /// <summary>A stack entry must write it: the JSON Schema's <c>required</c>, the reader's missing-field report.</summary>
    public bool StackRequired => Required && !OptionalInStack && Key is not null;

    public bool Secret { get; init; }

    public bool ReplaceOnChange { get; init; }

    /// <summary>Bird's rule on the value, run by Check; its pattern or enumeration also goes into both schemas.</summary>
    public ValueRule? Rule { get; init; }

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

    public FieldExport Export { get; init; } = FieldExport.Plain;

    /// <summary>For <see cref="FieldExport.Plain"/>: a value Bird did not return is written empty with this comment; left out when null.</summary>
    public string? ExportMissing { get; init; }

    /// <summary>The stack-only field <c>protect</c>, which every section accepts.</summary>
    public static KindField Protect { get; } = new("protect", null, PropertyType.Boolean, "true: up and destroy never delete or replace the resource.")
    {
        StackRef = "protect",
        Export = FieldExport.Custom,
    };

    /// <summary>The Bird-side <c>name</c>: defaults to the logical name in a stack file, so only Check requires it.</summary>
    public static KindField Name(string description, bool replaceOnChange) => new("name", "name", PropertyType.String, description)
    {
        Required = true,
        OptionalInStack = true,
        ReplaceOnChange = replaceOnChange,
        Rule = BirdRules.NameRule,
        StackDescription = "Bird-side name; defaults to the logical name.",
        Export = FieldExport.Custom,
    };
}
