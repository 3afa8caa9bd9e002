namespace BirdInfra.Providers.Client;

/// <summary>The access key token the client authenticates with. It never prints itself: ToString gives <c>[secret]</c>.</summary>
public sealed class BirdAccessKey
{
    private readonly string _token;

    public BirdAccessKey(string token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            throw new ArgumentException("The Bird access key is empty.", nameof(token));
        }

        _token = token.Trim();
    }

    /// <summary>The plain token; only the client's Authorization header reads it.</summary>
    public string Reveal() => _token;

    public override string ToString() => "[secret]";
}
