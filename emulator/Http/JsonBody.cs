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
}
