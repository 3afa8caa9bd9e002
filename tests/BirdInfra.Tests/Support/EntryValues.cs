using BirdInfra.Graph;
using BirdInfra.Providers.Expressions;
using BirdInfra.Providers.Kinds;
using BirdInfra.Providers.Properties;
using BirdInfra.Providers.StackFiles.ValueSources;

namespace BirdInfra.Tests.Support;

/// <summary>Reads a declaration's inputs as a stack file gave them: ids interpolated as the literal text below, references and secrets unknown.</summary>
public static class EntryValues
{
    /// <summary>What <c>${organizationId}</c> and <c>${workspaceId}</c> read as in these assertions.</summary>
    public const string Id = "<id>";

    public static PropertyValue Value(this StackEntry entry, string input) => DeferredInputs.Probe(entry.Inputs[input], Id);

    public static string Text(this StackEntry entry, string input) => entry.Value(input).AsString();

    /// <summary>The secret source of a secret input (<c>accessToken</c>, <c>signingKey</c>).</summary>
    public static SecretSource Secret(this StackEntry entry, string input) => ((SecretSourceInput)entry.Inputs[input]).Source;

    /// <summary>The logical names an input references, e.g. a role's policies.</summary>
    public static IEnumerable<string> References(this StackEntry entry, string input) =>
        Collect(entry.Inputs[input]).Select(r => r.Target.Name);

    private static IEnumerable<OutputReference> Collect(InputExpression expression) => expression switch
    {
        OutputReference reference => [reference],
        ListInput list => list.Items.SelectMany(Collect),
        MapInput map => map.Properties.Values.SelectMany(Collect),
        _ => [],
    };
}
