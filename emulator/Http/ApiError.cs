using System.Text.Json.Serialization;

namespace BirdInfra.Emulator.Http;

/// <summary>Bird's error body <c>{code, message, details?}</c> plus the HTTP status it travels with.</summary>
public sealed record ApiError(
    [property: JsonIgnore] int Status,
    string Code,
    string Message,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string[]>? Details = null)
{
    public static ApiError NotFound(string what) => new(404, ErrorCodes.NotFound, $"{what} not found");

    public static ApiError Conflict(string message) => new(409, ErrorCodes.Conflict, message);

    public static ApiError Invalid(IReadOnlyDictionary<string, string[]> details) =>
        new(422, ErrorCodes.InvalidPayload, "One or more fields provided in the request body are malformed", details);

    public static ApiError Invalid(string path, string problem) =>
        Invalid(new Dictionary<string, string[]> { [path] = [problem] });

    public static ApiError BadRequest(string message) => new(400, ErrorCodes.BadRequest, message);
}
