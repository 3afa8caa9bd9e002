using System.Text.Json.Nodes;

namespace BirdInfra.Providers.Kinds;

/// <summary>
/// A kind's fields, each declared once (<see cref="KindField"/>), in the order a person writes them. Everything that
/// lists the fields is derived here: the section's keys and required fields, the JSON Schema of an entry, the Pulumi
/// schema's inputs and the properties Check knows.
/// </summary>
public sealed class FieldTable
{
    public FieldTable(params KindField[] fields)
    {
        Fields = [.. fields];
        Keys = [.. Fields.Where(f => f.Key is not null).Select(f => f.Key!)];
        var inputs = Fields.Select((f, i) => (Field: f, Position: f.InputPosition ?? i)).Where(f => f.Field.Property is not null).OrderBy(f => f.Position).Select(f => f.Field).ToList();
        Properties = [.. inputs.Select(f => f.Property!)];
        // A kind whose every field is optional names what it accepts instead.
        var required = Fields.Where(f => f.StackRequired).Select(f => f.Key!).ToList();
        RequiredFields = required.Count switch
        {
            0 => $"any of {string.Join(", ", Keys)}",
            1 => required[0],
            _ => $"{string.Join(", ", required[..^1])} and {required[^1]}",
        };
        Inputs = [.. inputs.Select(f => new PropertySchema(f.Property!, f.Type, f.Description, f.Required, f.Secret, f.ReplaceOnChange))];
        References = [.. Fields.Where(f => f.ReferencesSection is not null).Select(f => new StackReference(f.Key!, f.ReferencesSection!, f.ReferencesKind!))];
        Secrets = [.. inputs.Where(f => f.Secret).Select(f => f.Property!)];
    }

    /// <summary>The secret inputs (write-only: Bird never returns them), for the kind's Diff.</summary>
    public ImmutableHashSet<string> Secrets { get; }

    /// <summary>The fields that name other declarations by logical name.</summary>
    public ImmutableArray<StackReference> References { get; }

    public ImmutableArray<KindField> Fields { get; }

    /// <summary>The keys a stack entry accepts, in table order.</summary>
    public ImmutableArray<string> Keys { get; }

    /// <summary>The inputs Check knows, in the Pulumi schema's order; any other is an unknown key.</summary>
    public ImmutableArray<string> Properties { get; }

    /// <summary>
    /// The keys an entry needs, for the message about an empty entry, e.g. <c>description and roles</c>; <c>any of
    /// name, protect</c> for a kind whose fields are all optional.
    /// </summary>
    public string RequiredFields { get; }

    /// <summary>The Pulumi schema's inputs.</summary>
    public ImmutableArray<PropertySchema> Inputs { get; }

    /// <summary>The Pulumi object type of the table's inputs, for a table of the objects in a list.</summary>
    public PropertyType ObjectType => new("object", Properties: Inputs);

    /// <summary>The field with stack key <paramref name="key"/>.</summary>
    public KindField this[string key] => Fields.Single(f => f.Key == key);

    /// <summary>The field of input <paramref name="property"/>.</summary>
    public KindField ByProperty(string property) => Fields.Single(f => f.Property == property);

    /// <summary>The JSON Schema of one stack entry (or of one object in a list): an object of the table's keys, no others.</summary>
    public string EntrySchema()
    {
        var properties = new JsonObject();
        foreach (var field in Fields.Where(f => f.Key is not null))
        {
            properties[field.Key!] = field.StackSchema is { } json ? JsonNode.Parse(json) : KeySchema(field);
        }

        var entry = new JsonObject
        {
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["required"] = new JsonArray([.. Fields.Where(f => f.StackRequired).Select(f => (JsonNode)JsonValue.Create(f.Key!)!)]),
            ["properties"] = properties,
        };
        return entry.ToJsonString();
    }

    private static JsonObject KeySchema(KindField field)
    {
        var schema = new JsonObject();
        if ((field.StackRef ?? field.Rule?.SchemaRef) is { } reference)
        {
            schema["$ref"] = $"#/$defs/{reference}";
        }

        if (field.StackDescription is { } description)
        {
            schema["description"] = description;
        }

        if (field.StackTypes.Length == 1)
        {
            schema["type"] = field.StackTypes[0];
        }
        else if (field.StackTypes.Length > 1)
        {
            schema["type"] = new JsonArray([.. field.StackTypes.Select(t => (JsonNode)JsonValue.Create(t)!)]);
        }

        if (field.ReferencesSection is not null)
        {
            schema["type"] = "array";
            schema["minItems"] = 1;
            schema["uniqueItems"] = true;
            schema["items"] = new JsonObject { ["$ref"] = "#/$defs/logicalName" };
        }

        if (field.Rule is { Values.IsDefault: false } enumeration)
        {
            schema["enum"] = new JsonArray([.. enumeration.Values.Select(v => (JsonNode)JsonValue.Create(v)!)]);
        }

        if (field.Rule?.Pattern is { } pattern)
        {
            schema["pattern"] = pattern;
        }

        if (field.Default is { } defaultValue)
        {
            schema["default"] = defaultValue;
        }

        return schema;
    }
}
