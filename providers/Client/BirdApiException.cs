using System.Collections.Immutable;
using System.Net;
using System.Text;

namespace BirdInfra.Providers.Client;

/// <summary>
/// A failed Bird request, typed from Bird's <c>{code, message, details}</c> body. The message names the
/// operation (method and path) and never contains the access key, request bodies or other secrets.
/// </summary>
public sealed class BirdApiException : Exception
{
    public BirdApiException(
        string operation,
        BirdFailure failure,
        HttpStatusCode? statusCode,
        string? code,
        string? birdMessage,
        ImmutableDictionary<string, ImmutableArray<string>>? details,
        int attempts,
        bool outcomeUnknown,
        Exception? innerException = null)
        : base(Compose(operation, failure, statusCode, code, birdMessage, details, attempts, outcomeUnknown), innerException)
    {
        Operation = operation;
        Failure = failure;
        StatusCode = statusCode;
        Code = code;
        BirdMessage = birdMessage;
        Details = details ?? ImmutableDictionary<string, ImmutableArray<string>>.Empty;
        Attempts = attempts;
        OutcomeUnknown = outcomeUnknown;
    }

    /// <summary>Method and path, e.g. <c>POST /organizations/…/iam-policies</c>.</summary>
    public string Operation { get; }

    public BirdFailure Failure { get; }

    /// <summary>Bird's HTTP status; null when no answer came (timeout, dropped connection).</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>Bird's error code, e.g. <c>InvalidPayload</c>, when the body had one.</summary>
    public string? Code { get; }

    /// <summary>Bird's own message text, when the body had one (<see cref="Exception.Message"/> is the full sentence).</summary>
    public string? BirdMessage { get; }

    /// <summary>Bird's validation details: JSON path → problems.</summary>
    public ImmutableDictionary<string, ImmutableArray<string>> Details { get; }

    /// <summary>How many HTTP attempts were made before giving up.</summary>
    public int Attempts { get; }

    /// <summary>
    /// True when a mutating request failed in a way Bird may still have applied it (5xx, timeout, dropped
    /// connection on any attempt). The engine then looks the object up by its natural key.
    /// </summary>
    public bool OutcomeUnknown { get; }

    public bool IsNotFound => StatusCode == HttpStatusCode.NotFound;

    public bool IsConflict => StatusCode == HttpStatusCode.Conflict;

    public override string ToString() => $"{nameof(BirdApiException)}: {Message}";

    private static string Compose(
        string operation,
        BirdFailure failure,
        HttpStatusCode? statusCode,
        string? code,
        string? birdMessage,
        ImmutableDictionary<string, ImmutableArray<string>>? details,
        int attempts,
        bool outcomeUnknown)
    {
        var sb = new StringBuilder().Append(operation).Append(" failed: ");
        switch (failure)
        {
            case BirdFailure.Timeout:
                sb.Append("no answer from Bird within the timeout");
                break;
            case BirdFailure.ConnectionFailed:
                sb.Append("the connection to Bird failed");
                break;
            default:
                sb.Append((int?)statusCode).Append(' ').Append(code ?? statusCode?.ToString() ?? "error");
                if (!string.IsNullOrWhiteSpace(birdMessage))
                {
                    sb.Append(": ").Append(birdMessage);
                }

                break;
        }

        if (details is { Count: > 0 })
        {
            sb.Append(" (")
              .Append(string.Join("; ", details.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => $"{d.Key}: {string.Join(", ", d.Value)}")))
              .Append(')');
        }

        if (attempts > 1)
        {
            sb.Append(" after ").Append(attempts).Append(" attempts");
        }

        if (outcomeUnknown)
        {
            sb.Append("; Bird may have applied the change");
        }

        return sb.Append('.').ToString();
    }
}
