namespace BirdInfra.Emulator.Http;

/// <summary>Builds responses with the emulator's JSON settings.</summary>
internal static class ApiResults
{
    public static IResult Json(object value, int status = 200) =>
        Results.Json(value, EmulatorJson.Options, contentType: "application/json", statusCode: status);

    public static IResult Error(ApiError error) => Json(error, error.Status);

    public static IResult From<T>(Outcome<T> outcome, int status = 200)
        where T : notnull =>
        outcome.Error is { } error ? Error(error) : Json(outcome.Value!, status);

    public static IResult NoContent(ApiError? error) => error is null ? Results.NoContent() : Error(error);

    public static Task WriteErrorAsync(HttpContext context, ApiError error, CancellationToken cancellationToken)
    {
        context.Response.StatusCode = error.Status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsJsonAsync(error, EmulatorJson.Options, cancellationToken);
    }
}
