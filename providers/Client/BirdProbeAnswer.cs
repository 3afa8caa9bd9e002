using System.Net;

namespace BirdInfra.Providers.Client;

/// <summary>
/// Bird's answer to one probe (<see cref="BirdClient.ProbeAsync"/>): its status, or none when no answer came
/// (<see cref="Failure"/> says why), and the server's <c>Date</c> header when it sent one.
/// </summary>
public sealed record BirdProbeAnswer(HttpStatusCode? StatusCode, BirdFailure Failure, DateTimeOffset? ServerDate, string? ErrorText);
