namespace BirdInfra.Engine;

/// <summary>An IProgress that reports on the caller's thread, so progress lines keep their order.</summary>
public sealed class SynchronousProgress(Action<string> report) : IProgress<string>
{
    private readonly Lock _gate = new();

    public void Report(string value)
    {
        lock (_gate)
        {
            report(value);
        }
    }
}
