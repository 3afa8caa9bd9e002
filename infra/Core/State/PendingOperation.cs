
namespace BirdInfra.State;

/// <summary>
/// A mutating call journaled before it is sent, so that after a crash the next run knows an object
/// may exist in Bird that state does not list yet (found again by its natural key).
/// </summary>
public sealed record PendingOperation(string Operation, ResourceAddress Address, string NaturalKey, DateTimeOffset StartedAt, string? Id = null);
