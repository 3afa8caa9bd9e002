namespace BirdInfra.History;

/// <summary>A property a change set (<see cref="Old"/> null on a create) as display text: secrets are "[secret]".</summary>
public sealed record HistoryProperty(string Path, string? Old, string? New);
