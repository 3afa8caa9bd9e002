namespace BirdInfra.State.Postgres;

/// <summary>A stack's snapshot as PostgreSQL holds it: the serial the optimistic check compares, and the state text.</summary>
public sealed record StoredSnapshot(long Serial, string Text);
