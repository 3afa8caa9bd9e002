
namespace BirdInfra.Providers.Kinds;

/// <summary>An object as BirdInfra knows it: Bird's id, the inputs it was made from, and every output (inputs included).</summary>
public sealed record ResourceSnapshot(string Id, PropertyMap Inputs, PropertyMap Outputs);
