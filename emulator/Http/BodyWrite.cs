using System.Text.Json.Nodes;

namespace BirdInfra.Emulator.Http;

/// <summary>
/// How every create and update endpoint starts: read the JSON body (422 when it is not an object), then, under the
/// store's lock, check the path's scope (404) before the change runs.
/// </summary>
internal static class BodyWrite
{
    public static async Task<IResult> RunAsync<T>(
        HttpRequest request,
        EmulatorStore store,
        Func<EmulatorState, ApiError?> scope,
        Func<EmulatorState, JsonObject, Outcome<T>> change,
        CancellationToken cancellationToken,
        int status = 200)
        where T : notnull
    {
        var body = await JsonBody.ReadObjectAsync(request, cancellationToken);
        if (body.Error is { } bad)
        {
            return ApiResults.Error(bad);
        }

        return ApiResults.From(store.Write(state => scope(state) is { } missing ? missing : change(state, body.Value!)), status);
    }
}
