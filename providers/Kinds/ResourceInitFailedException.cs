namespace BirdInfra.Providers.Kinds;

/// <summary>
/// Bird created the object but it never became ready (e.g. a connector whose channel did not appear in
/// time). <see cref="Snapshot"/> is the object as far as it exists, so the engine can record it and
/// delete or adopt it later instead of leaking it.
/// </summary>
public sealed class ResourceInitFailedException : Exception
{
    public ResourceInitFailedException(string kind, ResourceSnapshot snapshot, string message)
        : base(message)
    {
        Kind = kind;
        Snapshot = snapshot;
    }

    public string Kind { get; }

    public ResourceSnapshot Snapshot { get; }
}
