using System.Net;

namespace BirdInfra.Access;

/// <summary>
/// Finds out whether an access key may make a call, without changing Bird: one request per probe, sent once. Reads
/// (GET) go to the call's own path (a list with <c>limit=1</c>; an item with a random id that does not exist); writes go
/// to a random id that does not exist (PATCH, PUT, DELETE) or carry a body Bird must refuse as invalid (POST: a JSON
/// array where an object is required). Only 403 means denied; 404, 400, 422 (and 2xx for a GET) mean the policy check
/// passed; anything else (401, 405, 409, 429, 5xx, a 2xx for a write, no answer) proves nothing either way.
/// </summary>
public static class AccessProber
{
    /// <summary>A body no create endpoint can take: Bird's create bodies are JSON objects.</summary>
    public const string RefusedBody = "[]";

    public static async Task<ProbeResult> ProbeAsync(BirdClient client, PermissionProbe probe, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(probe);
        var read = probe.Method == "GET";
        var method = new HttpMethod(probe.Method);
        IReadOnlyList<KeyValuePair<string, string>>? query = read && probe.Path == probe.Resource ? [new("limit", "1")] : null;
        var answer = await client.ProbeAsync(method, probe.Path, query, read || probe.Method == "DELETE" ? null : RefusedBody, cancellationToken).ConfigureAwait(false);
        return new ProbeResult(probe, answer.StatusCode, Classify(probe.Method, answer.StatusCode), answer.ServerDate, answer.StatusCode is null ? answer.ErrorText ?? answer.Failure.ToString() : null);
    }

    /// <summary>403 denied; 404, 400, 422 or a 2xx read allowed; else inconclusive.</summary>
    public static ProbeVerdict Classify(string method, HttpStatusCode? status) => status switch
    {
        HttpStatusCode.Forbidden => ProbeVerdict.Denied,
        HttpStatusCode.NotFound or HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity => ProbeVerdict.Allowed,
        { } s when method == "GET" && (int)s is >= 200 and < 300 => ProbeVerdict.Allowed,
        _ => ProbeVerdict.Inconclusive,
    };
}
