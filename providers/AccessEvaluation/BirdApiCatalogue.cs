
namespace BirdInfra.Providers.AccessEvaluation;

/// <summary>
/// The part of Bird's API surface `birdinfra access` describes, each operation with its method and path template as
/// docs/bird-api-decisions.md ("Bird API surface for access") sources them.
/// </summary>
public static class BirdApiCatalogue
{
    private const string Org = "/organizations/{organizationId}";
    private const string Ws = "/workspaces/{workspaceId}";
    private const string Subscriptions = Org + Ws + "/webhook-subscriptions";

    public static readonly ImmutableArray<BirdOperation> Operations =
    [
        new("messages", "POST", Ws + "/channels/{channelId}/messages", "send messages through a channel"),
        new("messages", "GET", Ws + "/channels/{channelId}/messages", "read the messages of a channel"),
        new("verify", "POST", Ws + "/verify", "start a verification (Verify API)"),
        new("channels", "GET", Ws + "/channels", "list channels"),
        new("channels", "GET", Ws + "/channels/{channelId}", "read a channel"),
        new("channels", "PATCH", Ws + "/channels/{channelId}", "change a channel's settings"),
        new("connectors", "POST", Ws + "/connectors", "install connectors"),
        new("connectors", "GET", Ws + "/connectors", "list connectors"),
        new("connectors", "GET", Ws + "/connectors/{connectorId}", "read a connector"),
        new("connectors", "DELETE", Ws + "/connectors/{connectorId}", "delete connectors"),
        new("webhooks", "POST", Subscriptions, "create webhook subscriptions"),
        new("webhooks", "GET", Subscriptions, "list webhook subscriptions"),
        new("webhooks", "GET", Subscriptions + "/{subscriptionId}", "read a webhook subscription"),
        new("webhooks", "PATCH", Subscriptions + "/{subscriptionId}", "change webhook subscriptions"),
        new("webhooks", "DELETE", Subscriptions + "/{subscriptionId}", "delete webhook subscriptions"),
        new("webhooks", "GET", Ws + "/available-webhooks", "list the available webhook events"),
        new("iam", "GET", Org + "/iam-policies", "list IAM policies"),
        new("iam", "POST", Org + "/iam-policies", "create IAM policies"),
        new("iam", "DELETE", Org + "/iam-policies/{policyId}", "delete IAM policies"),
        new("iam", "GET", Org + "/iam-roles", "list IAM roles"),
        new("iam", "POST", Org + "/iam-roles", "create IAM roles"),
        new("iam", "PATCH", Org + "/iam-roles/{roleId}", "change IAM roles"),
        new("iam", "DELETE", Org + "/iam-roles/{roleId}", "delete IAM roles"),
        new("iam", "GET", Org + "/access-keys", "list access keys"),
        new("iam", "POST", Org + "/access-keys", "create access keys"),
        new("iam", "DELETE", Org + "/access-keys/{accessKeyId}", "delete access keys"),
        new("workspaces", "GET", Org + "/workspaces", "list workspaces"),
        new("workspaces", "POST", Org + "/workspaces", "create workspaces"),
        new("workspaces", "DELETE", Org + "/workspaces/{workspaceId}", "delete workspaces"),
        new("contacts", "GET", Ws + "/contacts", "list contacts"),
        new("contacts", "POST", Ws + "/contacts", "create contacts"),
        new("conversations", "GET", Ws + "/conversations", "read conversations"),
        new("conversations", "GET", Ws + "/conversations/{conversationId}/messages", "read the messages of a conversation"),
        new("numbers", "GET", Ws + "/numbers", "list the workspace's numbers"),
        new("numbers", "POST", Ws + "/numbers", "buy numbers"),
    ];

    /// <summary>
    /// The operation's path as a request pattern: <c>{organizationId}</c> and <c>{workspaceId}</c> become the given
    /// segments (e.g. <c>${organizationId}</c>), every other <c>{…}</c> id becomes <c>*</c> (any id).
    /// </summary>
    public static string Pattern(BirdOperation operation, string organization, string workspace)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var segments = AccessPath.Segments(operation.Path).Select(s => s switch
        {
            "{organizationId}" => organization,
            "{workspaceId}" => workspace,
            _ when s.StartsWith('{') => AccessPath.One,
            _ => s,
        });
        return "/" + string.Join('/', segments);
    }
}
