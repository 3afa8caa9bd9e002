namespace BirdInfra.Emulator.Faults;

/// <summary>
/// Fixed one-second windows counted separately for GET/HEAD and POST, like Bird's documented limits;
/// other methods are not limited (Bird documents none). Off by default.
/// </summary>
public sealed class RateLimiter(TimeProvider time)
{
    private readonly Lock _gate = new();
    private RateLimitSettings _settings = new(null, null);
    private long _window = -1;
    private int _gets;
    private int _posts;

    public RateLimitSettings Settings
    {
        get
        {
            lock (_gate)
            {
                return _settings;
            }
        }

        set
        {
            lock (_gate)
            {
                _settings = new RateLimitSettings(value.GetPerSecond is > 0 ? value.GetPerSecond : null, value.PostPerSecond is > 0 ? value.PostPerSecond : null);
                _window = -1;
            }
        }
    }

    /// <summary>Counts the request; false when it is over the limit of its window.</summary>
    public bool TryAcquire(string method)
    {
        lock (_gate)
        {
            var limit = method switch
            {
                "GET" or "HEAD" => _settings.GetPerSecond,
                "POST" => _settings.PostPerSecond,
                _ => null,
            };
            if (limit is null)
            {
                return true;
            }

            var window = time.GetUtcNow().ToUnixTimeSeconds();
            if (window != _window)
            {
                _window = window;
                _gets = 0;
                _posts = 0;
            }

            var count = method == "POST" ? ++_posts : ++_gets;
            return count <= limit;
        }
    }
}
