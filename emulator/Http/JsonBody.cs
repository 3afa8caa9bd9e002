using System.Text.Json;
using System.Text.Json.Nodes;

namespace BirdInfra.Emulator.Http;

/// <summary>Reads a request body as a JSON object; anything else is a 422 the client can act on.</summary>
internal static class JsonBody
{
    public static async Task<Outcome<JsonObject>> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        JsonNode? node;
        try
        {
            node = await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException)
        {
            return ApiError.Invalid(".", "request body is not valid JSON");
        }

        return node is JsonObject obj ? obj : ApiError.Invalid(".", "request body must be a JSON object");
    }

    /// <summary>
    /// How an endpoint that stores nothing answers: the path's 404 (<paramref name="scope"/>) before the body is read,
    /// then the body's 422, then <paramref name="answer"/>.
    /// </summary>
    public static async Task<IResult> AnswerAsync(HttpRequest request, ApiError? scope, Func<JsonObject, IResult> answer, CancellationToken cancellationToken)
    {
        if (scope is not null)
        {
            return ApiResults.Error(scope);
        }

        var body = await ReadObjectAsync(request, cancellationToken);
        return body.Error is { } bad ? ApiResults.Error(bad) : answer(body.Value!);
    }
}
