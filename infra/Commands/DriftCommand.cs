using BirdInfra.Drift;
using BirdInfra.History;
using BirdInfra.Import;

namespace BirdInfra.Commands;

/// <summary>
/// `birdinfra drift`: reads Bird with preview's list calls and reports managed objects changed or deleted outside
/// BirdInfra, and every object of the organization and workspace that no stack owns. Sends nothing that changes Bird
/// and writes nothing to state unless `--record` asks for what `refresh` records.
/// </summary>
public static class DriftCommand
{
    /// <param name="reported">Told the report once there is one (for a many-stack summary row); null for one stack.</param>
    public static Task<int> RunAsync(CommandOptions options, ConsoleIO io, IBirdTargetFactory targets, Action<DriftReport>? reported, CancellationToken cancellationToken) =>
        CommandSession.RunAsync(options, "drift", io, targets, session => RunAsync(session, options, io, reported, cancellationToken), cancellationToken);

    private static async Task<int> RunAsync(StackSession session, CommandOptions options, ConsoleIO io, Action<DriftReport>? reported, CancellationToken cancellationToken)
    {
        // No BirdInfra state (a stack applied with Pulumi): what matches a declaration by natural key is managed.
        var recorded = session.RecordedState;
        var imported = recorded.Resources.IsEmpty && recorded.Pending.IsEmpty
            ? await Importer.PlanAsync(session.Graph, session.Refresh.State, session.Kinds, session.Target.Context(null), cancellationToken, session.Refresh.Listings)
            : null;
        var context = new DriftContext(
            suffix => session.Target.Client.Options.AccessKey.Reveal().EndsWith(suffix, StringComparison.Ordinal),
            await SiblingStacks.OwnedAsync(session.Stack.Drift.Stacks, options.Root, options.Kinds, io.Environment, cancellationToken),
            session.Stack.Drift.IsIgnored)
        {
            Target = (session.Target.OrganizationId, session.Target.WorkspaceId),
        };
        var report = DriftDetector.Detect(options.Stack, session.Graph, recorded, session.Refresh, session.Kinds, context, imported);
        reported?.Invoke(report);

        switch (options.Format)
        {
            case PlanFormat.Json:
                io.Out.WriteLine(DriftJsonRenderer.Render(report));
                break;
            case PlanFormat.Markdown:
                io.Out.Write(DriftMarkdownRenderer.Render(report, session.Target.Description));
                break;
            default:
                DriftTextRenderer.Write(io.Out, report);
                break;
        }

        await RecordHistoryAsync(session, io, report, cancellationToken);
        if (options.Record && !session.Refresh.Drift.IsEmpty)
        {
            await StackOperation.RunAsync(session, new RefreshChange(), io, cancellationToken);
            io.Error.WriteLine($"Recorded {session.Refresh.Drift.Length} drifted resource{(session.Refresh.Drift.Length == 1 ? string.Empty : "s")} in the state, as `refresh` would.");
        }

        return options.DetailedExitCode ? report.DetailedExitCode : ExitCodes.Success;
    }

    /// <summary>
    /// A run that finds something leaves a record; so does the first clean run after one, so the history shows when
    /// drift began and ended. Other clean runs leave none (like every run that changes nothing).
    /// </summary>
    private static async Task RecordHistoryAsync(StackSession session, ConsoleIO io, DriftReport report, CancellationToken cancellationToken)
    {
        try
        {
            var store = session.Backend.History;
            if (report.IsClean)
            {
                var (records, _) = await store.ReadAsync(cancellationToken);
                if (records.LastOrDefault(r => r.Command == "drift")?.Findings is not { Clean: false })
                {
                    return;
                }
            }

            var findings = new DriftFindings(report.Drifted.Length, report.Deleted, report.Unexpected, report.Ignored, report.Critical, report.IsClean);
            var addresses = report.Drifted.Select(d => $"{d.Address} ({(d.Id.Length == 0 ? "no id" : d.Id)}): {(d.Deleted ? "deleted" : "changed " + string.Join(", ", d.Changes.Select(c => c.Path)))}, {d.Severity.Word()}")
                .Concat(report.Beside.Where(b => !b.DeployKey).Select(b => $"beside the stack: {b.Kind} {b.Name} ({b.Id}), {b.Severity.Word()}"))
                .ToImmutableArray();
            await HistoryRecorder.AppendDriftAsync(store, session.Paths, io.Environment, io.Time, findings, addresses, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or StateException)
        {
            io.Error.WriteLine($"warning: could not append to {session.Backend.History.Name}: {e.Message}");
        }
    }
}
