
namespace BirdInfra.Stacks.Validation;

/// <summary>
/// Runs each kind's <see cref="ILiveCheck"/> (e.g. webhook events and filter keys against the catalogue Bird offers) on
/// the stack's declarations of that kind, and reports every failure at the line and column of the YAML it came from,
/// like <see cref="EntryChecks"/> does for the offline rules. Reads from Bird only; never sends a change.
/// </summary>
public static class LiveChecks
{
    public static async Task<ImmutableArray<Diagnostic>> RunAsync(StackDefinition stack, KindRegistry kinds, ProviderContext context, CancellationToken cancellationToken)
    {
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var kind in kinds.Declarable)
        {
            if (kind.LiveCheck is not { } check || stack.In(kind.Stack!.Name) is not { IsEmpty: false } entries)
            {
                continue;
            }

            // The failures are worded by the live check itself (not the section's MapFailure, which speaks of the offline rules).
            foreach (var (entry, mapped, severity) in await check.CheckAsync(context, entries, cancellationToken).ConfigureAwait(false))
            {
                var diagnostic = entry.NodeFor(mapped.Path) is { } node
                    ? new Diagnostic(mapped.Code, mapped.Message, mapped.Hint, new SourceLocation(node.File ?? stack.FilePath, node.Line, node.Column) { ExtendedBy = node.File is { } own && own != stack.FilePath ? stack.FilePath : null }, node.Path)
                    : new Diagnostic(mapped.Code, mapped.Message, mapped.Hint, entry.Location, $"{entry.YamlPath}.{mapped.Path}");
                diagnostics.Add(diagnostic with { Severity = severity });
            }
        }

        return diagnostics.ToImmutable();
    }
}
