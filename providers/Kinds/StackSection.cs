
namespace BirdInfra.Providers.Kinds;

/// <summary>
/// The part of the stack file a kind owns: its section (<c>connectors:</c>, ...), how an entry is read into the
/// kind's inputs, where it sits in dependency order, its JSON Schema and its stack outputs. The engine derives
/// every per-kind table (section lists, reference checks, ordering, the compiler, <c>stacks/stack.schema.json</c>)
/// from the registry's sections.
/// </summary>
public abstract class StackSection
{
    /// <summary>The top-level key, e.g. <c>connectors</c>.</summary>
    public abstract string Name { get; }

    /// <summary>What one entry is called in messages, e.g. <c>connector</c>.</summary>
    public abstract string Label { get; }

    /// <summary>Position in the natural top-down order of kinds: what a kind references has a lower rank.</summary>
    public abstract int Rank { get; }

    /// <summary>
    /// The kind's field table (the kind's Check and schema use the same one): the section's keys, required fields,
    /// references and plain exported fields come from it.
    /// </summary>
    public abstract FieldTable Fields { get; }

    /// <summary>The fields an entry needs, for the message about an empty entry, e.g. <c>event, url and signingKey</c>.</summary>
    public string RequiredFields => Fields.RequiredFields;

    /// <summary>The keys an entry accepts, <c>protect</c> included.</summary>
    public ImmutableArray<string> Keys => Fields.Keys;

    /// <summary>Fields that name other declarations by logical name, and the section they name.</summary>
    public ImmutableArray<StackReference> References => Fields.References;

    /// <summary>The section's description in the JSON Schema.</summary>
    public abstract string Description { get; }

    /// <summary>
    /// The JSON Schema definitions (<c>$defs</c>) this section adds, the entry's own first (its name is
    /// <see cref="SchemaDefinition"/>). Each is one JSON object, as text.
    /// </summary>
    public abstract ImmutableArray<KeyValuePair<string, string>> SchemaDefinitions { get; }

    /// <summary>The <c>$defs</c> name of one entry, e.g. <c>connector</c>.</summary>
    public string SchemaDefinition => SchemaDefinitions[0].Key;

    /// <summary>
    /// Stack outputs collected over every declaration of this kind (logical name → output property), for
    /// <c>birdinfra output</c> and the Pulumi program's stack outputs, in rank order of the kinds, then in this order.
    /// </summary>
    public virtual ImmutableArray<StackOutput> Outputs => [];

    /// <summary>
    /// Reads one entry into the inputs of <paramref name="kind"/>: only what is YAML-specific (types, unknown keys,
    /// secret sources, interpolation, references). Bird's rules on the values are the kind's <see cref="IResourceKind.Check"/>,
    /// which the engine runs on the result. Unknown keys and the Bird-side <c>name</c> (when the section has one) are read
    /// here for every section; <see cref="ReadFields"/> reads the rest.
    /// </summary>
    public StackEntry Read(ValidationContext context, string kind, ScalarNode key, MappingNode body)
    {
        var owner = context.Reader.At(key);
        var entry = new StackEntryBuilder(kind, Name, key.Value, owner);
        context.Reader.CheckKeys(body, Keys, $"{Label} '{Text.Shown(key.Value)}'");
        if (Keys.Contains(KindField.NameKey))
        {
            CommonFields.Name(context, Name, key, body, entry);
        }

        ReadFields(context, key, body, owner, entry);
        return entry.Build();
    }

    /// <summary>The section's own fields, set into <paramref name="entry"/>; problems are reported through the context.</summary>
    protected abstract void ReadFields(ValidationContext context, ScalarNode key, MappingNode body, SourceLocation owner, StackEntryBuilder entry);

    /// <summary>The Bird-side text <c>birdinfra export</c> derives an object's logical name from: its name by default.</summary>
    public virtual string ExportName(ResourceSnapshot live, ExportContext context) => live.Inputs.GetString(KindField.NameKey) ?? live.Id;

    /// <summary>
    /// Writes a live object of the kind back as an entry of this section, for <c>birdinfra export</c>: the inverse of
    /// <see cref="Read"/>. References are written by logical name, the target's ids as <c>${organizationId}</c> and
    /// <c>${workspaceId}</c>, and every secret Bird never returns as <c>{ env: NAME }</c> with a comment naming what to set.
    /// <c>name:</c> is written here, only when it differs from <paramref name="logicalName"/>; <see cref="ExportFields"/> writes the rest.
    /// </summary>
    public YamlMapping Export(ResourceSnapshot live, string logicalName, ExportContext context)
    {
        var fields = ImmutableArray.CreateBuilder<YamlField>();
        if (Keys.Contains(KindField.NameKey) && live.Inputs.GetString(KindField.NameKey) is { } name && name != logicalName)
        {
            fields.Add(new YamlField(KindField.NameKey, name));
        }

        fields.AddRange(ExportFields(live, logicalName, context));
        return new YamlMapping(fields.ToImmutable());
    }

    /// <summary>The section's own fields of an exported entry, in the order a person would write them.</summary>
    protected abstract IEnumerable<YamlField> ExportFields(ResourceSnapshot live, string logicalName, ExportContext context);

    /// <summary>
    /// The table's <see cref="FieldExport.Plain"/> fields of an exported entry (those of <paramref name="keys"/> when given),
    /// in table order: the live value when it is
    /// not the default (nor empty, for an optional one); a value Bird did not return is written empty with the field's
    /// comment, or left out.
    /// </summary>
    protected IEnumerable<YamlField> ExportPlainFields(ResourceSnapshot live, params string[] keys)
    {
        foreach (var field in Fields.Fields.Where(f => f.Export == FieldExport.Plain && f.Key is not null && f.Property is not null && (keys.Length == 0 || keys.Contains(f.Key))))
        {
            var value = live.Inputs.GetString(field.Property!);
            if (value is null)
            {
                if (field.ExportMissing is { } comment)
                {
                    yield return new YamlField(field.Key!, string.Empty, comment);
                }
            }
            else if (value != field.Default && (value.Length > 0 || field.StackRequired))
            {
                yield return new YamlField(field.Key!, value);
            }
        }
    }

    /// <summary>
    /// A list of references to other exported objects, by logical name; an object export did not write (one BirdInfra
    /// cannot declare) stays as its Bird id, named in a comment, so <c>validate</c> points at it.
    /// </summary>
    protected static YamlField ExportReferences(KindField reference, IEnumerable<string> ids, ExportContext context)
    {
        var (key, kind) = (reference.Key!, reference.ReferencesKind!);
        var written = new List<string>();
        var missing = new List<string>();
        foreach (var id in ids)
        {
            if (context.LogicalName(kind, id) is { } name)
            {
                written.Add(name);
            }
            else
            {
                written.Add(id);
                missing.Add(id);
            }
        }

        return new YamlField(key, YamlSequence.Of(written, flow: true), missing.Count == 0 ? null : $"not exported (not a {kind} a stack can declare): {string.Join(", ", missing)}");
    }

    /// <summary>
    /// Turns one of the kind's check failures on an entry into what the stack file reports: the same failure by
    /// default, null when <see cref="Read"/> already reported the problem in stack terms (sugar such as a webhook's <c>channel:</c>).
    /// </summary>
    public virtual CheckFailure? MapFailure(CheckFailure failure, StackEntry entry) => failure;

    /// <summary>
    /// Rules across this section's declarations (a value used once, at most so many per group), run in this order by
    /// <c>validate</c> on the entries as read, after each entry's <see cref="IResourceKind.Check"/>; an entry one rule
    /// reported is not compared by the rules after it. None by default.
    /// </summary>
    public virtual ImmutableArray<CrossRule> CrossRules => [];
}
