
namespace BirdInfra.Drift;

/// <summary>One property of a managed object that Bird holds differently: what BirdInfra expects and what Bird has.</summary>
public sealed record DriftChange(string Path, PropertyValue? Expected, PropertyValue? Actual);
