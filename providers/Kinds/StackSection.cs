using System.Collections.Immutable;
using BirdInfra.Providers.Diagnostics;
using BirdInfra.Providers.Stacks;
using BirdInfra.Providers.Stacks.Reading;
using BirdInfra.Providers.Stacks.Yaml;

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

    /// <summary>The fields an entry needs, for the message about an empty entry, e.g. <c>event, url and signingKey</c>.</summary>
    public abstract string RequiredFields { get; }

    /// <summary>The keys an entry accepts, <c>protect</c> included.</summary>
    public abstract ImmutableArray<string> Keys { get; }

    /// <summary>Fields that name other declarations by logical name, and the section they name.</summary>
    public abstract ImmutableArray<StackReference> References { get; }

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
        if (Keys.Contains("name"))
        {
            CommonFields.Name(context, Name, key, body, entry);
        }

        ReadFields(context, key, body, owner, entry);
        return entry.Build();
    }

    /// <summary>The section's own fields, set into <paramref name="entry"/>; problems are reported through the context.</summary>
    protected abstract void ReadFields(ValidationContext context, ScalarNode key, MappingNode body, SourceLocation owner, StackEntryBuilder entry);

    /// <summary>
    /// Turns one of the kind's check failures on an entry into what the stack file reports: the same failure by
    /// default, null when <see cref="Read"/> already reported the problem in stack terms (sugar such as a webhook's <c>channel:</c>).
    /// </summary>
    public virtual CheckFailure? MapFailure(CheckFailure failure, StackEntry entry) => failure;
}
