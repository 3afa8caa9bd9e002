
namespace BirdInfra.Access;

/// <summary>
/// Checks every access key's <c>expect</c> against its policies, for every id (<see cref="AccessEvaluator.ForEveryId"/>):
/// each broken expectation is a BI102 error at the expectation, naming the definition that breaks it and where it is.
/// </summary>
public static class ExpectationCheck
{
    public static ImmutableArray<Diagnostic> Run(StackDefinition stack, ImmutableArray<KeyAccess> keys)
    {
        ArgumentNullException.ThrowIfNull(stack);
        var byKey = keys.ToDictionary(k => k.Key, StringComparer.Ordinal);
        var result = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var expectation in stack.Expectations)
        {
            if (!byKey.TryGetValue(expectation.Key, out var key))
            {
                continue;
            }

            if (Broken(expectation, AccessEvaluator.ForEveryId(key.Subject, expectation.Method, expectation.Path)) is { } message)
            {
                result.Add(new Diagnostic(
                    DiagnosticCodes.BrokenExpectation,
                    message,
                    expectation.Allow
                        ? "Allow it in one of the key's policies (and remove the deny that stops it), or drop the expectation if the key no longer needs it."
                        : "Narrow the allowing definition (e.g. '/workspaces/*/channels/*' rather than '/workspaces/**'), or add a deny for it; drop the expectation only if the key should do this.",
                    expectation.Location,
                    expectation.YamlPath));
            }
        }

        return result.ToImmutable();
    }

    private static string? Broken(AccessExpectation e, AccessOutcome outcome)
    {
        var subject = $"Access key '{e.Key}' is expected to be {(e.Allow ? "allowed" : "denied")} {e.Request}";
        if (e.Allow ? outcome.AllowedForEvery : outcome.DeniedForEvery)
        {
            return null;
        }

        if (outcome.Range == AccessRange.Unknown)
        {
            return $"{subject}, and BirdInfra cannot decide it for every id (a policy whose definitions are unknown, or more than {AccessEvaluator.MaxCombinations:N0} classes of ids to try).";
        }

        if (e.Allow)
        {
            var d = outcome.Denying!;
            var where = outcome.DeniedPath == e.Path ? string.Empty : $" on {outcome.DeniedPath}";
            return d.DecidedBy is { } rule
                ? $"{subject}, but the deny in policy '{rule.Source.Policy}' {rule.Source.DefinitionPath} ({rule.Source.Where}) denies it{where} (resource {d.Resource})."
                : $"{subject}, but no definition of its policies allows it{where}: denied by default.";
        }

        var a = outcome.Allowing!;
        var rule2 = a.DecidedBy!;
        var at = outcome.AllowedPath == e.Path ? string.Empty : $" on {outcome.AllowedPath}";
        return $"{subject}, but policy '{rule2.Source.Policy}' {rule2.Source.DefinitionPath} ({rule2.Source.Where}) allows it{at} (resource {a.Resource}, action {string.Join(", ", rule2.Actions)}).";
    }
}
