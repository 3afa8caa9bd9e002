
namespace BirdInfra.Providers.AccessEvaluation;

/// <summary>
/// Bird's IAM for one access key (docs/bird-api-decisions.md, "Access evaluation"): the request's method gives an action,
/// the roles that apply in the path's workspace give their policies' definitions, an explicit deny wins, and nothing
/// allowed means denied. Independent of the emulator's evaluator, which stays a separate check of the same rules.
/// </summary>
public static class AccessEvaluator
{
    /// <summary>The organization as a stack file writes it; the catalogue's paths are evaluated with it.</summary>
    private const string OrganizationToken = "${organizationId}";

    /// <summary>Stands for an id no policy names: a control character cannot be in a resource pattern.</summary>
    private const string FreshId = "\u0001";

    /// <summary>Past this many id combinations a request pattern is answered unknown rather than evaluated slowly.</summary>
    public const int MaxCombinations = 1 << 16;

    public static AccessDecision Decide(AccessSubject subject, string method, string path) =>
        Decide(subject, method, AccessPath.Segments(path));

    public static AccessDecision Decide(AccessSubject subject, string method, ImmutableArray<string> path)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (AccessActions.ForMethod(method) is not { } action)
        {
            return new AccessDecision(AccessVerdict.Denied, null, null);
        }

        var workspace = AccessPath.WorkspaceOf(path);
        AccessRule? allow = null;
        string? allowResource = null;
        var unknown = false;
        foreach (var role in subject.Roles)
        {
            if (!role.AppliesIn(workspace))
            {
                continue;
            }

            foreach (var policy in role.Policies)
            {
                if (policy.Rules is not { } rules)
                {
                    unknown = true;
                    continue;
                }

                foreach (var rule in rules)
                {
                    if (rule.Match(action, path) is not { } resource)
                    {
                        continue;
                    }

                    if (rule.IsDeny)
                    {
                        return new AccessDecision(AccessVerdict.Denied, rule, resource);
                    }

                    if (rule.IsAllow && allow is null)
                    {
                        (allow, allowResource) = (rule, resource);
                    }
                }
            }
        }

        return unknown
            ? new AccessDecision(AccessVerdict.Unknown, allow, allowResource)
            : allow is null
                ? new AccessDecision(AccessVerdict.Denied, null, null)
                : new AccessDecision(AccessVerdict.Allowed, allow, allowResource);
    }

    /// <summary>
    /// Every operation of <see cref="BirdApiCatalogue"/> decided for every id: in the subject's one workspace when all its
    /// roles are scoped to it, else in any.
    /// </summary>
    public static ImmutableArray<AccessOperationResult> OverCatalogue(AccessSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var workspace = subject.SingleWorkspace ?? AccessPath.One;
        return [.. BirdApiCatalogue.Operations.Select(op =>
        {
            var path = BirdApiCatalogue.Pattern(op, OrganizationToken, workspace);
            return new AccessOperationResult(op, path, ForEveryId(subject, op.Method, path));
        })];
    }

    /// <summary>
    /// Decides a request pattern for every id: each <c>*</c> segment of <paramref name="pathPattern"/> stands for any id.
    /// Matching only compares segments with the literals of the key's policies and the workspaces its roles are scoped
    /// to, so every id behaves like one of those literals or like an id none of them names: trying each of these
    /// classes for each <c>*</c> covers every id exactly, not a sample.
    /// </summary>
    public static AccessOutcome ForEveryId(AccessSubject subject, string method, string pathPattern)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var pattern = AccessPath.Segments(pathPattern);
        var stars = Enumerable.Range(0, pattern.Length).Where(i => pattern[i] == AccessPath.One).ToArray();
        var candidates = stars.Select(i => Candidates(subject, pattern, i)).ToArray();
        var combinations = candidates.Aggregate(1L, (n, c) => n * c.Length);
        if (combinations > MaxCombinations)
        {
            // Never guessed: too many classes of ids to try is "unknown", as a policy without known definitions is.
            return new AccessOutcome(AccessRange.Unknown, null, null, null, null);
        }

        string? allowedPath = null, deniedPath = null;
        AccessDecision? allowing = null, denying = null;
        var unknown = false;
        var indexes = new int[stars.Length];
        var path = pattern.ToBuilder();
        while (true)
        {
            for (var s = 0; s < stars.Length; s++)
            {
                path[stars[s]] = candidates[s][indexes[s]];
            }

            var decision = Decide(subject, method, path.ToImmutable());
            switch (decision.Verdict)
            {
                case AccessVerdict.Allowed when allowing is null:
                    (allowing, allowedPath) = (decision, Shown(path));
                    break;
                case AccessVerdict.Denied when denying is null || (denying.DecidedBy is null && decision.DecidedBy is not null):
                    // Prefer a witness an explicit deny decided: it names the definition to look at.
                    (denying, deniedPath) = (decision, Shown(path));
                    break;
                case AccessVerdict.Unknown:
                    unknown = true;
                    break;
            }

            if (!Next(indexes, candidates))
            {
                break;
            }
        }

        var range = (allowing, denying) switch
        {
            (not null, not null) => AccessRange.DependsOnId,
            _ when unknown => AccessRange.Unknown,
            (not null, null) => AccessRange.AllowedForEvery,
            _ => AccessRange.DeniedForEvery,
        };
        return new AccessOutcome(range, allowedPath, allowing, deniedPath, denying);
    }

    private static string Shown(ImmutableArray<string>.Builder path) =>
        "/" + string.Join('/', path.Select(s => s == FreshId ? AccessPath.One : s));

    private static bool Next(int[] indexes, string[][] candidates)
    {
        for (var s = 0; s < indexes.Length; s++)
        {
            if (++indexes[s] < candidates[s].Length)
            {
                return true;
            }

            indexes[s] = 0;
        }

        return false;
    }

    /// <summary>
    /// The ids worth trying at position <paramref name="index"/>: the literal a pattern could compare there (at the same
    /// index before any <c>**</c>, or anywhere after one), a workspace a role is scoped to, and one id nothing names.
    /// </summary>
    private static string[] Candidates(AccessSubject subject, ImmutableArray<string> request, int index)
    {
        var set = new HashSet<string>(StringComparer.Ordinal) { FreshId };
        foreach (var (_, rule) in subject.Rules)
        {
            foreach (var resource in rule.Resources)
            {
                var segments = AccessPath.Segments(resource);
                var subtree = segments.IndexOf(AccessPath.OneOrMore);
                for (var i = 0; i < segments.Length; i++)
                {
                    var reachable = subtree < 0 || i < subtree ? i == index : index >= subtree;
                    if (reachable && segments[i] is not (AccessPath.One or AccessPath.OneOrMore))
                    {
                        set.Add(segments[i]);
                    }
                }
            }
        }

        if (AccessPath.WorkspaceIndex(request) == index)
        {
            foreach (var role in subject.Roles)
            {
                set.UnionWith(role.Workspaces.IsDefault ? [] : role.Workspaces);
            }
        }

        return [.. set.Order(StringComparer.Ordinal)];
    }
}
