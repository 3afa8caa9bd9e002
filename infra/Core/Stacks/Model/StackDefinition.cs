
namespace BirdInfra.Stacks.Model;

/// <summary>
/// A validated stack file: the target and every declaration, section by section in rank order and in file order
/// within a section. Each declaration holds its kind's inputs as read; references, secret sources and
/// <c>${organizationId}</c>-style text are resolved by the compiler (see <see cref="Graph.StackCompiler"/>).
/// </summary>
/// <param name="Name">The file name without <c>.yaml</c>, e.g. <c>dev</c>.</param>
public sealed record StackDefinition(
    string Name,
    string FilePath,
    TargetDefinition Target,
    ImmutableArray<StackEntry> Resources)
{
    /// <summary>The <c>guards</c> section and every resource's own <c>protect:</c>; none when the file has neither.</summary>
    public GuardsDefinition Guards { get; init; } = GuardsDefinition.None;

    /// <summary>The <c>state</c> setting: where the built-in engine keeps state, lock and history (local by default).</summary>
    public StateBackendDefinition State { get; init; } = StateBackendDefinition.Local;

    /// <summary>The <c>compare</c> setting: differences with another stack this one expects.</summary>
    public CompareSettings Compare { get; init; } = CompareSettings.None;

    /// <summary>The <c>drift</c> setting: objects expected beside the stack and stacks sharing its organization or workspace.</summary>
    public DriftDefinition Drift { get; init; } = DriftDefinition.None;

    /// <summary>Every access key's <c>expect</c> items, in file order.</summary>
    public ImmutableArray<AccessExpectation> Expectations { get; init; } = [];

    /// <summary>The declarations of one section, e.g. <c>connectors</c>, in file order.</summary>
    public ImmutableArray<StackEntry> In(string section) => [.. Resources.Where(r => r.Section == section)];
}
