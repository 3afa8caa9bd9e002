namespace BirdInfra.Providers.Client;

/// <summary>The one Bird API client (Flurl.Http inside). Being filled in: see the providers work.</summary>
public sealed class BirdClient
{
}
