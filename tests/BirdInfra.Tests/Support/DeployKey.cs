namespace BirdInfra.Tests.Support;

/// <summary>
/// Access keys made through the emulator's admin key for BirdInfra to run with, as an operator would make a deploy key:
/// a policy with the given definitions, a role holding it, an organization-wide key. Returns the key's token.
/// </summary>
public static class DeployKey
{
    /// <summary>
    /// What Bird's permission tables grant for the calls BirdInfra makes: IAM, connectors, channel reads and webhook
    /// subscriptions, with "List available webhook events" filed (as Bird's table files it) under view on the
    /// organization's webhook-subscriptions path, not on the path the request uses.
    /// </summary>
    public static object[] DocumentedTable(string organizationId, bool viewChannels = true)
    {
        var definitions = new List<object>
        {
            Allow(["any"], $"/organizations/{organizationId}/iam-policies", $"/organizations/{organizationId}/iam-policies/*",
                $"/organizations/{organizationId}/iam-roles", $"/organizations/{organizationId}/iam-roles/*",
                $"/organizations/{organizationId}/access-keys", $"/organizations/{organizationId}/access-keys/*",
                "/workspaces/*/connectors", "/workspaces/*/connectors/*",
                $"/organizations/{organizationId}/workspaces/*/webhook-subscriptions", $"/organizations/{organizationId}/workspaces/*/webhook-subscriptions/*"),
        };
        if (viewChannels)
        {
            definitions.Add(Allow(["view"], "/workspaces/*/channels", "/workspaces/*/channels/*"));
        }

        return [.. definitions];
    }

    public static object Allow(string[] actions, params string[] resources) => new { effect = "allow", actions, resources };

    public static async Task<string> CreateAsync(StackWorkspace ws, string name, params object[] definitions)
    {
        var policy = await ws.PostAsync(ws.OrgPath("iam-policies"), new { name, description = "deploy key for tests", definitions });
        var role = await ws.PostAsync(ws.OrgPath("iam-roles"), new
        {
            name,
            description = "deploy key for tests",
            policies = new[] { new { id = policy.GetProperty("id").GetString(), type = "organization" } },
        });
        var key = await ws.PostAsync(ws.OrgPath("access-keys"), new
        {
            name,
            description = "deploy key for tests",
            roleRefs = new[] { new { id = role.GetProperty("id").GetString(), type = "organization" } },
        });
        var token = key.GetProperty("token").GetString()!;
        ws.KnownSecrets.Add(token);
        return token;
    }
}
