namespace BirdInfra.Providers.Client;

/// <summary>How a Bird request failed.</summary>
public enum BirdFailure
{
    /// <summary>Bird answered with a non-2xx status.</summary>
    Status,

    /// <summary>No answer within the attempt's timeout.</summary>
    Timeout,

    /// <summary>The connection could not be made or was dropped.</summary>
    ConnectionFailed,
}
