using System.Text.Json;

namespace BirdInfra.SavedPlans;

/// <summary>
/// Decides whether a saved plan still describes what `up` would do, without planning again: state is the one the plan
/// was made from, every live object it read is as it was, the target is the same, and every input (each secret resolved
/// again and checked against its salted hash) is what the plan recorded. When all hold, the saved changes are the plan.
/// The stack file's hash is checked before Bird is read (<see cref="SavedPlanFile.StackFileHash"/>).
/// </summary>
public static class SavedPlanCheck
{
    public static SavedPlanCheckResult Check(
        SavedPlan saved,
        DesiredGraph graph,
        StackState recorded,
        StackState refreshed,
        KindRegistry kinds,
        string organizationId,
        string workspaceId)
    {
        var moved = ImmutableArray.CreateBuilder<string>();
        if (saved.Lineage is null)
        {
            if (!SavedPlanFile.IsNew(recorded))
            {
                moved.Add($"the state changed (serial 0 → {recorded.Serial}): the plan was made before the stack had any state, and another run wrote it since");
            }
        }
        else if (recorded.Lineage != saved.Lineage)
        {
            moved.Add($"the state is another one (lineage {recorded.Lineage}, the plan was made from {saved.Lineage}): it was replaced or the stack recreated");
        }
        else if (recorded.Serial != saved.Serial)
        {
            moved.Add($"the state changed (serial {saved.Serial} → {recorded.Serial}): another run changed the stack after the plan was made");
        }

        if (organizationId != saved.OrganizationId || workspaceId != saved.WorkspaceId)
        {
            moved.Add($"the target changed (organization {saved.OrganizationId}, workspace {saved.WorkspaceId} → organization {organizationId}, workspace {workspaceId})");
        }

        var now = LiveFingerprints.Of(recorded, refreshed).ToDictionary(f => (f.Address, f.Id));
        foreach (var before in saved.LiveObjects)
        {
            var after = now.GetValueOrDefault((before.Address, before.Id));
            if (after?.Sha256 == before.Sha256)
            {
                continue;
            }

            moved.Add((before.Sha256, after?.Sha256) switch
            {
                (_, null) => $"{before.Address} ({before.Id}) was deleted in Bird after the plan was made",
                (null, _) => $"{before.Address} ({before.Id}) is in Bird again after the plan was made",
                _ => $"{before.Address} ({before.Id}) changed in Bird after the plan was made",
            });
        }

        foreach (var extra in now.Values.Where(f => !saved.LiveObjects.Any(s => s.Address == f.Address && s.Id == f.Id)))
        {
            moved.Add($"{extra.Address} ({extra.Id}) is owned by the stack now but was not when the plan was made");
        }

        if (moved.Count > 0)
        {
            return new SavedPlanCheckResult(null, moved.ToImmutable());
        }

        var changes = ImmutableArray.CreateBuilder<PlannedChange>();
        var declarations = graph.Resources.ToDictionary(d => d.Address);
        var outcome = saved.Changes.ToDictionary(c => c.Address, c => c.Action);
        PropertyValue ReadOutput(OutputReference reference) =>
            outcome.GetValueOrDefault(reference.Target, PlanAction.Create) is PlanAction.Same or PlanAction.Update
                && refreshed.Find(reference.Target)?.Outputs[reference.Output] is { } known
                ? known
                : InputResolver.Unknown(reference);

        foreach (var change in saved.Changes)
        {
            var current = change.CurrentId is null ? null : refreshed.Resources.FirstOrDefault(r => r.Address == change.Address && r.Id == change.CurrentId);
            if (change.CurrentId is not null && current is null)
            {
                moved.Add($"{change.Address} ({change.CurrentId}) is no longer in the state");
                continue;
            }

            PropertyMap? inputs = null;
            if (change.DesiredInputs is { } savedInputs)
            {
                inputs = ResolveAgain(change, savedInputs, declarations.GetValueOrDefault(change.Address), refreshed, kinds, ReadOutput, moved);
                if (inputs is null)
                {
                    continue;
                }
            }

            changes.Add(new PlannedChange(
                change.Address,
                change.TypeToken,
                change.Action,
                change.Reason,
                change.Diffs,
                current?.Snapshot,
                inputs,
                change.Dependencies,
                change.DeleteBeforeReplace,
                change.Deposed,
                change.Consequence));
        }

        return moved.Count > 0
            ? new SavedPlanCheckResult(null, moved.ToImmutable())
            : new SavedPlanCheckResult(new Plan(saved.Stack, changes.ToImmutable()), []);
    }

    /// <summary>The resource's inputs resolved from the stack again, when they are the ones the plan recorded; otherwise null, with what differs.</summary>
    private static PropertyMap? ResolveAgain(
        SavedChange change,
        JsonElement saved,
        ResourceDeclaration? declaration,
        StackState refreshed,
        KindRegistry kinds,
        Func<OutputReference, PropertyValue> readOutput,
        ImmutableArray<string>.Builder moved)
    {
        if (declaration is null)
        {
            moved.Add($"{change.Address} is no longer declared in the stack");
            return null;
        }

        var existing = refreshed.Find(change.Address);
        var check = kinds.GetByName(change.Address.Kind).Check(InputResolver.Resolve(declaration.Inputs, readOutput, existing?.Inputs));
        if (!check.IsValid)
        {
            moved.Add($"{change.Address}: its inputs no longer pass the kind's checks ({string.Join("; ", check.Failures.Select(f => f.Message))})");
            return null;
        }

        var problems = new List<string>();
        Compare(saved, PropertyValue.Map(check.Inputs), string.Empty, problems, key =>
            declaration.Inputs.GetValueOrDefault(key) is GeneratedSecretInput && existing?.Inputs[key] is not { IsSecret: true });
        foreach (var problem in problems)
        {
            moved.Add($"{change.Address}: {problem}");
        }

        return problems.Count == 0 ? check.Inputs : null;
    }

    /// <param name="isNewlyGenerated">
    /// True for a top-level input the engine generates and state does not hold yet: the plan's value was a random one
    /// made for the preview, and the one generated now takes its place.
    /// </param>
    private static void Compare(JsonElement saved, PropertyValue fresh, string path, List<string> problems, Func<string, bool> isNewlyGenerated)
    {
        var where = path.Length == 0 ? "its inputs" : path;
        switch (saved.ValueKind)
        {
            case JsonValueKind.Object when saved.TryGetProperty(PlanValueJson.SecretMarker, out var secret):
                if (secret.TryGetProperty("unknown", out _))
                {
                    if (!(fresh.IsSecret && fresh.ContainsUnknown))
                    {
                        problems.Add($"the secret {where} is known now but was not when the plan was made");
                    }
                }
                else if (!fresh.IsSecret || !SecretDigest.Matches(fresh, secret.GetProperty("salt").GetString()!, secret.GetProperty("sha256").GetString()!))
                {
                    if (!(fresh.IsSecret && !path.Contains('.', StringComparison.Ordinal) && isNewlyGenerated(path)))
                    {
                        problems.Add($"the value of the secret {where} changed after the plan was made (its source, e.g. an environment variable, holds another value)");
                    }
                }

                break;
            case JsonValueKind.Object when saved.TryGetProperty(PlanValueJson.UnknownMarker, out var unknown):
                if (!fresh.IsUnknown || fresh.StandsFor != PlanValueJson.Unknown(unknown).StandsFor)
                {
                    problems.Add($"{where} is {(fresh.IsUnknown ? "another output" : "known")} now but was {PlanValueJson.Unknown(unknown).StandsFor?.ToString() ?? "unknown"} when the plan was made");
                }

                break;
            case JsonValueKind.Object when fresh.Kind == PropertyKind.Map:
                var map = fresh.AsMap();
                var names = saved.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
                foreach (var property in saved.EnumerateObject())
                {
                    Compare(property.Value, map[property.Name] ?? PropertyValue.Null, path.Length == 0 ? property.Name : $"{path}.{property.Name}", problems, isNewlyGenerated);
                }

                foreach (var added in map.Keys.Where(k => !names.Contains(k)))
                {
                    problems.Add($"{(path.Length == 0 ? added : $"{path}.{added}")} is set now but was not when the plan was made");
                }

                break;
            case JsonValueKind.Array when fresh.Kind == PropertyKind.List && fresh.AsList().Length == saved.GetArrayLength():
                var items = fresh.AsList();
                var index = 0;
                foreach (var item in saved.EnumerateArray())
                {
                    Compare(item, items[index], $"{path}[{index}]", problems, isNewlyGenerated);
                    index++;
                }

                break;
            default:
                if (fresh.IsSecret || fresh.IsUnknown || !Equals(PlanValueJson.ForDisplay(saved) ?? PropertyValue.Null, fresh))
                {
                    problems.Add($"{where} is {fresh} now but was {PlanValueJson.ForDisplay(saved)?.ToString() ?? "(none)"} when the plan was made");
                }

                break;
        }
    }
}
