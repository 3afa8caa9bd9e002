
namespace BirdInfra.Access;

/// <summary>
/// One call to probe, resolved for a target: the request to send (<see cref="Method"/> and <see cref="Path"/>, with a
/// random id that does not exist in place of <c>{id}</c>), and the policy row that would allow it (<see cref="Action"/> on
/// <see cref="Resource"/>, the narrowest resource the call needs: this organization and workspace, any id).
/// </summary>
public sealed record PermissionProbe(BirdCall Call, string Method, string Path, string Action, string Resource)
{
    /// <summary>Resolves <paramref name="call"/>'s template for an organization and workspace.</summary>
    public static PermissionProbe For(BirdCall call, string organizationId, string workspaceId)
    {
        var known = call.Template.Replace(BirdCall.OrganizationId, organizationId, StringComparison.Ordinal).Replace(BirdCall.WorkspaceId, workspaceId, StringComparison.Ordinal);
        return new PermissionProbe(
            call,
            call.Method,
            known.Replace(BirdCall.Id, Guid.NewGuid().ToString(), StringComparison.Ordinal),
            ActionOf(call.Method),
            known.Replace(BirdCall.Id, "*", StringComparison.Ordinal));
    }

    /// <summary>Bird's policy action for an HTTP method (docs.bird.com, access policies).</summary>
    public static string ActionOf(string method) => method.ToUpperInvariant() switch
    {
        "POST" => "create",
        "GET" or "HEAD" or "OPTIONS" => "view",
        "PUT" or "PATCH" => "update",
        "DELETE" => "delete",
        _ => throw new ArgumentException($"No Bird action for HTTP method {method}.", nameof(method)),
    };
}
