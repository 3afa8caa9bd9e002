namespace BirdInfra.Emulator.Http;

/// <summary>Error codes in one place; the set follows docs/bird-api-decisions.md.</summary>
internal static class ErrorCodes
{
    public const string BadRequest = "BadRequest";
    public const string Unauthorized = "Unauthorized";
    public const string Forbidden = "Forbidden";
    public const string NotFound = "NotFound";
    public const string MethodNotAllowed = "MethodNotAllowed";
    public const string Conflict = "Conflict";
    public const string InvalidPayload = "InvalidPayload";
    public const string TooManyRequests = "TooManyRequests";
    public const string InternalError = "InternalError";

    public static string ForStatus(int status) => status switch
    {
        400 => BadRequest,
        401 => Unauthorized,
        403 => Forbidden,
        404 => NotFound,
        405 => MethodNotAllowed,
        409 => Conflict,
        422 => InvalidPayload,
        429 => TooManyRequests,
        >= 500 => InternalError,
        _ => "Error",
    };
}
