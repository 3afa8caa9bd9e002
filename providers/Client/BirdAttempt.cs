using System.Net;

namespace BirdInfra.Providers.Client;

/// <summary>
/// One HTTP attempt: the operation (method and path, no query, no secrets), its 1-based number within
/// the request, the status Bird answered (null on a timeout or dropped connection) and whether a retry follows.
/// </summary>
public sealed record BirdAttempt(string Operation, int Number, HttpStatusCode? StatusCode, BirdFailure? Failure, bool WillRetry, TimeSpan? RetryDelay);
