
namespace BirdInfra.Providers.Kinds;

/// <summary>Compares two normalised input maps property by property; secret properties stay secret-wrapped on both sides.</summary>
internal static class PropertyDiffer
{
    /// <param name="secretKeys">
    /// Write-only secrets: Bird never returns them, so when the previous value is not known (an object imported or
    /// adopted, whose secret nobody read back) there is nothing to compare and the secret is no reason to update or replace.
    /// </param>
    /// <param name="requiredSecretKeys">Write-only secrets every object has: absent before means "not known", not "none".</param>
    public static ImmutableArray<PropertyDiff> Compare(
        PropertyMap oldInputs,
        PropertyMap newInputs,
        Func<string, bool> forcesReplacement,
        ISet<string> secretKeys,
        ISet<string>? requiredSecretKeys = null)
    {
        var changes = ImmutableArray.CreateBuilder<PropertyDiff>();
        foreach (var key in oldInputs.Keys.Union(newInputs.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var before = oldInputs[key];
            var after = newInputs[key];
            if (before is null && after is null)
            {
                continue;
            }

            if (before is not null && after is not null && before.Equals(after))
            {
                continue;
            }

            if (secretKeys.Contains(key) && (before is { ContainsUnknown: true } || (before is null or { IsNull: true } && (requiredSecretKeys?.Contains(key) ?? false))))
            {
                continue;
            }

            var secret = secretKeys.Contains(key) || (before?.ContainsSecret ?? false) || (after?.ContainsSecret ?? false);
            changes.Add(new PropertyDiff(
                key,
                secret && before is not null ? PropertyValue.Secret(before) : before,
                secret && after is not null ? PropertyValue.Secret(after) : after,
                forcesReplacement(key)));
        }

        return changes.ToImmutable();
    }

    /// <summary>The diff result: replace when any change forces it, update when there are changes, same otherwise.</summary>
    public static DiffResult Result(ImmutableArray<PropertyDiff> changes, bool deleteBeforeReplace = false)
    {
        if (changes.IsEmpty)
        {
            return DiffResult.Same;
        }

        return changes.Any(c => c.ForcesReplacement)
            ? new DiffResult(DiffOutcome.Replace, changes, deleteBeforeReplace)
            : new DiffResult(DiffOutcome.Update, changes);
    }
}
