
namespace BirdInfra.Stacks.Validation;

/// <summary>
/// Runs the kind's own input check (the one the Pulumi plugin's Check runs) on a declaration as read, and reports
/// each failure at the line and column of the YAML it came from: one set of rules for both engines. References and
/// secrets are unknown at this point, which the kinds' checks accept; interpolated ids stand in as a zero UUID.
/// </summary>
internal static class EntryChecks
{
    private static readonly string Placeholder = Guid.Empty.ToString();

    /// <summary>Reports the check's failures and returns them all (also those the section drops), for the rules across entries.</summary>
    public static ImmutableArray<CheckFailure> Run(ValidationContext context, IResourceKind kind, StackEntry entry)
    {
        var probe = PropertyMap.From(entry.Inputs.Select(i => KeyValuePair.Create(i.Key, DeferredInputs.Probe(i.Value, Placeholder))));
        var check = kind.Check(probe);
        if (check.IsValid)
        {
            return check.Failures;
        }

        foreach (var failure in check.Failures)
        {
            if (kind.Stack!.MapFailure(failure, entry) is not { } mapped)
            {
                continue;
            }

            var message = mapped.Message.Replace(Placeholder, "…", StringComparison.Ordinal);
            if (entry.NodeFor(mapped.Path) is { } node)
            {
                context.Reader.Report(mapped.Code, message, mapped.Hint, node);

                // A value that breaks Bird's rules is not compared with others: its problem is reported already.
                context.Index.BirdNames.RemoveAll(n => n.Node == node);
            }
            else
            {
                context.Reader.Report(mapped.Code, message, mapped.Hint, entry.Location, $"{entry.YamlPath}.{mapped.Path}");
            }
        }

        return check.Failures;
    }
}
