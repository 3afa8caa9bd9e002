
namespace BirdInfra.Outputs;

/// <summary>
/// The stack outputs the kinds' sections declare, read from state alone (no call to Bird): in rank order of the kinds,
/// then in the order each section declares them. The Pulumi program registers the same names.
/// </summary>
public static class StateOutputs
{
    /// <summary>Every declared output, in order.</summary>
    public static ImmutableArray<StackOutput> Declared(KindRegistry kinds) => [.. kinds.Sections.SelectMany(s => s.Outputs)];

    public static ImmutableArray<StackOutputValues> Collect(StackState state, KindRegistry kinds) =>
    [
        .. kinds.Declarable.SelectMany(kind => kind.Stack!.Outputs.Select(output => new StackOutputValues(
            output,
            [
                .. state.Resources
                    .Where(r => r.Address.Kind == kind.Name && !r.Deposed)
                    .OrderBy(r => r.Address.Name, StringComparer.Ordinal)
                    .Select(r => new StackOutputEntry(r.Address.Name, Value(r, output))),
            ]))),
    ];

    private static PropertyValue? Value(StateResource resource, StackOutput output)
    {
        // The id is the resource's own id when its outputs do not repeat it (as the Pulumi program reads it). An empty
        // string is as good as absent: printing it would hand over a token that is not one.
        var value = resource.Outputs[output.Property] is { IsNull: false } found && found.Unwrapped.AsStringOrNull() is not ""
            ? found
            : output.Property == "id" ? PropertyValue.String(resource.Id) : null;
        return value is not null && output.Secret ? PropertyValue.Secret(value) : value;
    }
}
