
namespace BirdInfra.SavedPlans;

/// <summary>One live object a plan read from Bird: its address and id, and a hash of what Bird held (null when Bird no longer had it).</summary>
public sealed record LiveFingerprint(ResourceAddress Address, string Id, string? Sha256);
