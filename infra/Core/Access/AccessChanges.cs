
namespace BirdInfra.Access;

/// <summary>
/// What `preview` says about access: each key's access as Bird holds it now (from the refreshed state: keys, roles and
/// policies by id; the target's ids written back as <c>${organizationId}</c>/<c>${workspaceId}</c>) against the stack's.
/// A role or policy state does not hold is unknown, never guessed.
/// </summary>
public static class AccessChanges
{
    /// <summary>The access changes of an open session's stack against the state it refreshed.</summary>
    /// <param name="root">The project root, to name the stack file in sources as `stacks/NAME.yaml`.</param>
    /// <param name="destroy">True when the change removes everything the stack owns.</param>
    public static ImmutableArray<AccessChange> Compute(StackSession session, string root, bool destroy = false)
    {
        ArgumentNullException.ThrowIfNull(session);
        return Compute(
            AccessModel.Of(session.Kinds),
            destroy ? null : session.Stack,
            Path.GetRelativePath(root, session.Paths.StackFile).Replace('\\', '/'),
            session.Refresh.State,
            session.Target.OrganizationId,
            session.Target.WorkspaceId);
    }

    /// <param name="model">The registry's IAM chain; null (no IAM kinds): no access changes.</param>
    /// <param name="stack">The stack as the change leaves it; null when it removes everything (destroy).</param>
    public static ImmutableArray<AccessChange> Compute(AccessModel? model, StackDefinition? stack, string displayFile, StackState current, string organizationId, string workspaceId)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (model is null)
        {
            return [];
        }

        var after = stack is null
            ? []
            : StackAccess.Keys(model, stack, displayFile).ToDictionary(k => k.Key, k => k.Subject, StringComparer.Ordinal);
        var before = Current(model, current, organizationId, workspaceId);
        var result = ImmutableArray.CreateBuilder<AccessChange>();
        foreach (var key in after.Keys.Concat(before.Keys.Where(k => !after.ContainsKey(k))))
        {
            var change = Compare(key, before.GetValueOrDefault(key), after.GetValueOrDefault(key));
            if (!change.IsEmpty)
            {
                result.Add(change);
            }
        }

        return result.ToImmutable();
    }

    /// <summary>One line per gain, loss and operation, for the history: "contact-center gains view /workspaces/**".</summary>
    public static ImmutableArray<string> Lines(IEnumerable<AccessChange> changes) =>
    [
        .. changes.SelectMany(c => c.Gains.Select(r => $"{c.Key} gains {r.Action} {r.Resource}")
            .Concat(c.Loses.Select(r => $"{c.Key} loses {r.Action} {r.Resource}"))
            .Concat(c.Gained.Select(o => $"{c.Key} now may {o.Operation.Words} ({o.Operation.Method} {o.Path})"))
            .Concat(c.Lost.Select(o => $"{c.Key} no longer may {o.Operation.Words} ({o.Operation.Method} {o.Path})"))),
    ];

    public static AccessChange Compare(string key, AccessSubject? before, AccessSubject? after)
    {
        var rowsBefore = Rows(before);
        var rowsAfter = Rows(after);
        var opsBefore = before is null ? [] : AccessEvaluator.OverCatalogue(before);
        var opsAfter = after is null ? [] : AccessEvaluator.OverCatalogue(after);
        var allowedBefore = opsBefore.Where(o => o.Outcome.AllowedForEvery).Select(o => o.Operation).ToHashSet();
        var allowedAfter = opsAfter.Where(o => o.Outcome.AllowedForEvery).Select(o => o.Operation).ToHashSet();
        return new AccessChange(
            key,
            [.. rowsAfter.Where(r => !rowsBefore.Contains(r))],
            [.. rowsBefore.Where(r => !rowsAfter.Contains(r))],
            [.. opsAfter.Where(o => o.Outcome.AllowedForEvery && !allowedBefore.Contains(o.Operation))],
            [.. opsBefore.Where(o => o.Outcome.AllowedForEvery && !allowedAfter.Contains(o.Operation))]) { IsNew = before is null };
    }

    private static List<AccessGrantRow> Rows(AccessSubject? subject) => subject is null
        ? []
        : subject.Rules.Where(x => x.Rule.IsAllow)
            .SelectMany(x => x.Rule.Actions.SelectMany(a => x.Rule.Resources.Select(r => new AccessGrantRow(a, r, x.Role.IsScoped ? x.Role.Workspaces : []))))
            .Distinct()
            .ToList();

    private static Dictionary<string, AccessSubject> Current(AccessModel model, StackState state, string organizationId, string workspaceId)
    {
        var live = state.Resources.Where(r => !r.Deposed).ToList();
        IReadOnlyDictionary<string, (string Name, PropertyMap Inputs)> Of(AccessKind kind) =>
            live.Where(r => r.Address.Kind == kind.Name).ToDictionary(r => r.Id, r => (r.Address.Name, r.Inputs), StringComparer.Ordinal);
        var roles = Of(model.Role);
        var policies = Of(model.Policy);
        return live.Where(r => r.Address.Kind == model.Key.Name)
            .ToDictionary(k => k.Address.Name, k => LiveAccess.Subject(model, k.Address.Name, k.Inputs, roles, policies, organizationId, workspaceId), StringComparer.Ordinal);
    }

}
