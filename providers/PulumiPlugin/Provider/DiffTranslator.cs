using BirdInfra.Providers.Schema;
using BirdInfra.PulumiPlugin.Protos;
using PropertyDiff = BirdInfra.PulumiPlugin.Protos.PropertyDiff;

namespace BirdInfra.PulumiPlugin.Provider;

/// <summary>Turns a kind's <see cref="DiffResult"/> into Pulumi's DiffResponse with a detailed diff keyed by property path.</summary>
public static class DiffTranslator
{
    public static DiffResponse ToResponse(DiffResult result, KindSchema schema, IReadOnlyCollection<string> ignoreChanges)
    {
        var inputNames = schema.Inputs.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var changes = result.Changes.Where(c => !ignoreChanges.Any(i => Covers(i, c.Path))).ToList();
        var response = new DiffResponse { HasDetailedDiff = true };
        if (result.Outcome == DiffOutcome.Same || changes.Count == 0)
        {
            response.Changes = DiffResponse.Types.DiffChanges.DiffNone;
            response.Stables.AddRange(schema.Outputs.Select(p => p.Name));
            return response;
        }

        var replacing = result.Outcome == DiffOutcome.Replace;
        response.Changes = DiffResponse.Types.DiffChanges.DiffSome;
        foreach (var change in changes)
        {
            var top = TopLevel(change.Path);
            var replaces = replacing && change.ForcesReplacement;
            var oldAbsent = change.Old is null || change.Old.IsNull;
            var newAbsent = change.New is null || change.New.IsNull;
            var kind = (oldAbsent, newAbsent, replaces) switch
            {
                (true, _, false) => PropertyDiff.Types.Kind.Add,
                (true, _, true) => PropertyDiff.Types.Kind.AddReplace,
                (false, true, false) => PropertyDiff.Types.Kind.Delete,
                (false, true, true) => PropertyDiff.Types.Kind.DeleteReplace,
                (false, false, false) => PropertyDiff.Types.Kind.Update,
                (false, false, true) => PropertyDiff.Types.Kind.UpdateReplace,
            };
            response.DetailedDiff[change.Path] = new PropertyDiff { Kind = kind, InputDiff = inputNames.Contains(top) };
            if (!response.Diffs.Contains(top))
            {
                response.Diffs.Add(top);
            }

            if (replaces && !response.Replaces.Contains(top))
            {
                response.Replaces.Add(top);
            }
        }

        if (replacing)
        {
            response.DeleteBeforeReplace = result.DeleteBeforeReplace;
        }
        else
        {
            // Bird-assigned outputs (ids, types, scopes) survive an in-place update.
            response.Stables.AddRange(schema.Outputs.Where(p => !inputNames.Contains(p.Name) && !p.Secret).Select(p => p.Name));
        }

        return response;
    }

    /// <summary>The top-level property of a path: <c>definitions[2].actions</c> → <c>definitions</c>.</summary>
    public static string TopLevel(string path)
    {
        var end = path.IndexOfAny(['.', '[']);
        return end < 0 ? path : path[..end];
    }

    private static bool Covers(string ignored, string path) =>
        path == ignored
        || path.StartsWith(ignored + ".", StringComparison.Ordinal)
        || path.StartsWith(ignored + "[", StringComparison.Ordinal);
}
