
namespace BirdInfra.Providers.Kinds;

/// <summary>
/// A declaration that Bird's live answer rejects: the entry and the failure, at an input path of that entry. A
/// <see cref="DiagnosticSeverity.Warning"/> is something Bird left unsaid (a catalogue it would not show): reported, never
/// a reason to stop the run.
/// </summary>
public sealed record LiveCheckFailure(StackEntry Entry, CheckFailure Failure, DiagnosticSeverity Severity = DiagnosticSeverity.Error);
