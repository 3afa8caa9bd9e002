using System.Text.RegularExpressions;

namespace BirdInfra.Providers.StackFiles;

/// <summary>
/// <c>${organizationId}</c> and <c>${workspaceId}</c>, the only interpolations of the stack format
/// (allowed in policy resources and access key workspaces). The loader reports any other <c>${...}</c>.
/// </summary>
public static partial class StackInterpolation
{
    public const string OrganizationId = "organizationId";
    public const string WorkspaceId = "workspaceId";

    /// <summary>Replaces the variables in a validated string.</summary>
    /// <exception cref="ArgumentException">The string holds another <c>${...}</c>: it was not validated.</exception>
    public static string Interpolate(string raw, string organizationId, string workspaceId)
    {
        ArgumentNullException.ThrowIfNull(raw);
        if (!raw.Contains("${", StringComparison.Ordinal))
        {
            return raw;
        }

        var result = Variable().Replace(raw, match => match.Groups[1].Value switch
        {
            OrganizationId => organizationId,
            WorkspaceId => workspaceId,
            var other => throw new ArgumentException($"Unknown interpolation '${{{other}}}' in '{raw}'.", nameof(raw)),
        });
        return result.Contains("${", StringComparison.Ordinal)
            ? throw new ArgumentException($"Malformed interpolation in '{raw}'.", nameof(raw))
            : result;
    }

    /// <summary>The variable names used in <paramref name="raw"/>, and whether a '${' is left unclosed.</summary>
    internal static (IReadOnlyList<string> Variables, bool Unclosed) Parse(string raw)
    {
        var variables = Variable().Matches(raw).Select(m => m.Groups[1].Value).ToList();
        var unclosed = Variable().Replace(raw, string.Empty).Contains("${", StringComparison.Ordinal);
        return (variables, unclosed);
    }

    [GeneratedRegex(@"\$\{([^{}]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Variable();
}
