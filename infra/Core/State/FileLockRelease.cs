namespace BirdInfra.State;

/// <summary>A lock file's release, as the asynchronous disposable every backend's run lock is.</summary>
internal sealed class FileLockRelease(StateLock fileLock) : IAsyncDisposable
{
    public ValueTask DisposeAsync()
    {
        fileLock.Dispose();
        return ValueTask.CompletedTask;
    }
}
