namespace BirdInfra.Providers.StackFiles.Reading;

/// <summary>What the section readers share while one file is validated.</summary>
/// <param name="Kinds">The registry: what a reference to another kind resolves to.</param>
/// <param name="UsesEmulator">From target.endpoint; null when the endpoint itself is invalid (then checks that depend on it are skipped).</param>
public sealed record ValidationContext(
    KindRegistry Kinds,
    FieldReader Reader,
    SourceReader Sources,
    StackIndex Index,
    bool? UsesEmulator,
    bool AllowHttpWebhooks);
