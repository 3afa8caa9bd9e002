namespace BirdInfra.History;

/// <summary>Who ran a command: the CI's actor when a CI sets one (GitHub Actions, GitLab CI), otherwise user@host.</summary>
public static class HistoryActor
{
    /// <returns>The actor, and the CI run it came from (null outside CI).</returns>
    public static (string Who, string? Ci) Detect(Func<string, string?> environment)
    {
        if (environment("GITHUB_ACTOR") is { Length: > 0 } github)
        {
            var run = environment("GITHUB_SERVER_URL") is { Length: > 0 } server && environment("GITHUB_REPOSITORY") is { Length: > 0 } repository && environment("GITHUB_RUN_ID") is { Length: > 0 } runId
                ? $"GitHub Actions {server}/{repository}/actions/runs/{runId}"
                : "GitHub Actions";
            return (github, run);
        }

        if (environment("GITLAB_USER_LOGIN") is { Length: > 0 } gitlab)
        {
            return (gitlab, environment("CI_JOB_URL") is { Length: > 0 } job ? $"GitLab CI {job}" : "GitLab CI");
        }

        var user = environment("USER") is { Length: > 0 } u ? u : environment("USERNAME") is { Length: > 0 } w ? w : Environment.UserName;
        return ($"{user}@{Environment.MachineName}", null);
    }
}
