namespace BirdInfra.Providers.Kinds;

/// <summary>A declaration that Bird's live answer rejects: the entry and the failure, at an input path of that entry.</summary>
public sealed record LiveCheckFailure(StackEntry Entry, CheckFailure Failure);
