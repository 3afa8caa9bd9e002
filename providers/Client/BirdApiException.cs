using System.Net;
using System.Text;

namespace BirdInfra.Providers.Client;

/// <summary>
/// A failed Bird request, typed from Bird's <c>{code, message, details}</c> body. The message names the
/// operation (method and path) and never contains the access key, request bodies or other secrets.
/// </summary>
public sealed class BirdApiException : Exception
{
    private readonly string _message;

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
        : base(null, innerException)
    {
        Operation = operation;
        Failure = failure;
        StatusCode = statusCode;
        Code = code;
        BirdMessage = birdMessage;
        Details = details ?? ImmutableDictionary<string, ImmutableArray<string>>.Empty;
        Attempts = attempts;
        OutcomeUnknown = outcomeUnknown;
        _message = Compose();
    }

    /// <summary>The full sentence: operation, what failed, Bird's code and message, details, attempts.</summary>
    public override string Message => _message;

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

    private string Compose()
    {
        var sb = new StringBuilder().Append(Operation).Append(" failed: ");
        switch (Failure)
        {
            case BirdFailure.Timeout:
                sb.Append("no answer from Bird within the timeout");
                break;
            case BirdFailure.ConnectionFailed:
                sb.Append("the connection to Bird failed");
                break;
            default:
                sb.Append((int?)StatusCode).Append(' ').Append(Code ?? StatusCode?.ToString() ?? "error");
                if (!string.IsNullOrWhiteSpace(BirdMessage))
                {
                    sb.Append(": ").Append(BirdMessage);
                }

                break;
        }

        if (Details.Count > 0)
        {
            sb.Append(" (")
              .Append(string.Join("; ", Details.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => $"{d.Key}: {string.Join(", ", d.Value)}")))
              .Append(')');
        }

        if (Attempts > 1)
        {
            sb.Append(" after ").Append(Attempts).Append(" attempts");
        }

        if (OutcomeUnknown)
        {
            sb.Append("; Bird may have applied the change");
        }

        return sb.Append('.').ToString();
    }
}
