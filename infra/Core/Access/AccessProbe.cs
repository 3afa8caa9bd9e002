using System.Net.Http.Headers;
using System.Text;

namespace BirdInfra.Access;

/// <summary>
/// `access --probe`: live proof of what a key can do. Each catalogue operation is sent with the key's own token; reads
/// use ids that do not exist, and every write names an id that does not exist or carries a body Bird must refuse, so
/// an allowed probe changes nothing. Only 403 counts as denied; each answer is compared with the evaluator's.
/// </summary>
public static class AccessProbe
{
    private const string RefusedBody = "{\"birdinfraProbe\":\"a body Bird must refuse\"}";

    public static async Task<ImmutableArray<AccessProbeResult>> RunAsync(
        HttpClient http, string key, AccessSubject subject, string token, string organizationId, string workspaceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(subject);
        var scoped = subject.SingleWorkspace;
        var workspace = scoped is null or "${workspaceId}" ? workspaceId : scoped;
        var results = ImmutableArray.CreateBuilder<AccessProbeResult>();
        foreach (var operation in BirdApiCatalogue.Operations)
        {
            var path = Concrete(operation, organizationId, workspace);
            var tokenised = "/" + string.Join('/', AccessPath.Segments(path).Select(s => s == organizationId ? "${organizationId}" : s == workspaceId ? "${workspaceId}" : s));
            var expected = AccessEvaluator.Decide(subject, operation.Method, tokenised).IsAllowed;
            using var request = new HttpRequestMessage(new HttpMethod(operation.Method), path.TrimStart('/'));
            request.Headers.Authorization = new AuthenticationHeaderValue(BirdClient.AuthorizationScheme, token);
            if (operation.Method is "POST" or "PUT" or "PATCH")
            {
                request.Content = new StringContent(RefusedBody, Encoding.UTF8, "application/json");
            }

            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            results.Add(new AccessProbeResult(key, operation.Method, path, expected, (int)response.StatusCode));
        }

        return results.ToImmutable();
    }

    /// <summary>
    /// The operation's path with the target's organization, the key's workspace, and a fresh random id for every other id
    /// and for the object a write acts on (so deleting "a workspace" names none that exists).
    /// </summary>
    private static string Concrete(BirdOperation operation, string organizationId, string workspaceId)
    {
        var segments = AccessPath.Segments(operation.Path);
        var writes = operation.Mutating;
        return "/" + string.Join('/', segments.Select((s, i) => s switch
        {
            "{organizationId}" => organizationId,
            "{workspaceId}" when !(writes && i == segments.Length - 1) => workspaceId,
            _ when s.StartsWith('{') => Guid.NewGuid().ToString(),
            _ => s,
        }));
    }
}
