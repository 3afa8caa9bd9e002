using System.Text.RegularExpressions;

namespace BirdInfra.Tests.Reliability;

/// <summary>The lines `birdinfra` prints on stderr for each retried or failed HTTP attempt: "… (attempt 2 of 5); retrying in 0.3s".</summary>
public static partial class RetryReport
{
    /// <summary>The documented bound: each request is sent at most this many times (README, "Faults and crashes").</summary>
    public const int MaxAttemptsPerRequest = 5;

    public static IReadOnlyList<(int Number, int Max)> Attempts(string stderr) =>
        AttemptLine().Matches(stderr).Select(m => (int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value))).ToList();

    [GeneratedRegex(@"\(attempt (\d+) of (\d+)\)")]
    private static partial Regex AttemptLine();
}
