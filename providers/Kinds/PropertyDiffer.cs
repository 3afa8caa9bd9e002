using System.Collections.Immutable;
using BirdInfra.Providers.Properties;

namespace BirdInfra.Providers.Kinds;

/// <summary>Compares two normalised input maps property by property; secret properties stay secret-wrapped on both sides.</summary>
internal static class PropertyDiffer
{
    public static ImmutableArray<PropertyDiff> Compare(
        PropertyMap oldInputs,
        PropertyMap newInputs,
        Func<string, bool> forcesReplacement,
        ISet<string> secretKeys)
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
