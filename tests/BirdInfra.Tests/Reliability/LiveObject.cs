namespace BirdInfra.Tests.Reliability;

/// <summary>One object Bird holds, with the natural key a duplicate would share (kind:name, or the subscription's service/event/url/filters).</summary>
public sealed record LiveObject(string Kind, string Id, string NaturalKey);
