
namespace BirdInfra.Apply;

/// <summary>How the engine reads provider failures: was the object surely not made, or made half-way.</summary>
public static class ApplyErrors
{
    /// <summary>A definite refusal (a 4xx, or a failure before anything was sent): no object can exist.</summary>
    public static bool IsDefinitelyNotApplied(Exception e) => e is BirdApiException { OutcomeUnknown: false };

    /// <summary>Bird may or may not have applied the request (5xx, timeout or dropped connection after sending).</summary>
    public static bool IsOutcomeUnknown(Exception e) => e is BirdApiException { OutcomeUnknown: true } or CreateOutcomeUnknownException;

    /// <summary>The object Bird did create before the operation failed (e.g. a connector whose channel never came).</summary>
    public static ResourceSnapshot? PartialSnapshot(Exception e) => e is ResourceInitFailedException partial ? partial.Snapshot : null;
}
