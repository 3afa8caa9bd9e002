using System.Collections.Immutable;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using BirdInfra.Providers.AccessEvaluation;

namespace BirdInfra.Providers.Tests.Integration;

/// <summary>
/// The product's evaluator and the emulator's own, written apart, agree on a table of (policies, scope, request):
/// each policy set becomes a policy, role and key in the emulator (through its API, with the admin key), every
/// request is sent with the key's token, and the evaluator's answer must equal the emulator's 403-or-not.
/// </summary>
public sealed class AccessEmulatorAgreementTests
{
    private const string OtherWorkspace = "7d0e6f52-9b2a-4c1e-8f3a-000000000abc";

    /// <summary>A policy set: roles, each a list of definitions (effect, actions, resources) with O = organization id, W = workspace id.</summary>
    private sealed record PolicySet(string Name, ImmutableArray<ImmutableArray<(string Effect, string[] Actions, string[] Resources)>> Roles);

    private static (string, string[], string[]) D(string effect, string actions, params string[] resources) => (effect, actions.Split(','), resources);

    private static PolicySet Set(string name, params (string, string[], string[])[] definitions) => new(name, [[.. definitions]]);

    private static readonly ImmutableArray<PolicySet> Sets =
    [
        Set(
            "scenario",
            D("allow", "create", "/workspaces/*/channels/*/messages", "/workspaces/*/verify", "/organizations/O/workspaces/*/webhook-subscriptions"),
            D("allow", "view", "/workspaces/*/channels/*", "/organizations/O/workspaces/*/webhook-subscriptions"),
            D("allow", "delete", "/organizations/O/workspaces/*/webhook-subscriptions/*")),
        Set("wide", D("allow", "any", "/workspaces/**")),
        Set(
            "deny-over-allow",
            D("allow", "any", "/workspaces/**", "/organizations/**"),
            D("deny", "delete", "/workspaces/*/connectors/*"),
            D("deny", "view", "/workspaces/*/channels/c1"),
            D("deny", "any", "/organizations/O/iam-policies")),
        Set("star", D("allow", "view", "/workspaces/*/channels/*")),
        Set("subtree", D("allow", "view,create", "/workspaces/*/channels/**")),
        Set("literal-workspace", D("allow", "view", "/workspaces/W/channels", "/workspaces/W/channels/*")),
        Set("organization", D("allow", "any", "/organizations/O/**"), D("deny", "create", "/organizations/O/iam-policies")),
        Set("update-only", D("allow", "update", "/workspaces/*/channels/*"), D("allow", "delete", "/workspaces/**/connectors/*")),
        new("two-roles-in-conflict", [
            [D("allow", "any", "/workspaces/**", "/organizations/O/**")],
            [D("deny", "view", "/workspaces/*/channels/*"), D("deny", "delete", "/organizations/O/workspaces/*/webhook-subscriptions/*")]]),
    ];

    private static readonly ImmutableArray<(string Method, string Path)> Requests =
    [
        ("GET", "/workspaces/W/channels"),
        ("GET", "/workspaces/W/channels/"),
        ("HEAD", "/workspaces/W/channels/c1"),
        ("GET", "/workspaces/W/channels/c2"),
        ("OPTIONS", "/workspaces/W/channels/c2"),
        ("POST", "/workspaces/W/channels/c2/messages"),
        ("PATCH", "/workspaces/W/channels/c2"),
        ("PUT", "/workspaces/W/channels/c2/"),
        ("TRACE", "/workspaces/W/channels/c2"),
        ("DELETE", "/workspaces/W/connectors/k1"),
        ("GET", $"/workspaces/{OtherWorkspace}/channels/c2"),
        ("POST", "/workspaces/W/verify"),
        ("GET", "/organizations/O/workspaces/W/webhook-subscriptions"),
        ("DELETE", "/organizations/O/workspaces/W/webhook-subscriptions/s1"),
        ("POST", "/organizations/O/iam-policies"),
        ("GET", "/organizations/O/iam-roles"),
    ];

    [Fact]
    public async Task Evaluator_AgreesWithTheEmulator_OnEveryCaseOfTheTable()
    {
        await using var f = await EmulatorFixture.StartAsync();
        var ct = CancellationToken.None;
        string Ids(string text) => text.Replace("/O/", $"/{f.Emulator.OrganizationId}/", StringComparison.Ordinal).Replace("/O", $"/{f.Emulator.OrganizationId}", StringComparison.Ordinal)
            .Replace("/W/", $"/{f.Emulator.WorkspaceId}/", StringComparison.Ordinal).Replace("/W", $"/{f.Emulator.WorkspaceId}", StringComparison.Ordinal);
        var org = $"/organizations/{f.Emulator.OrganizationId}";
        using var http = new HttpClient { BaseAddress = f.Emulator.BaseUrl };

        var disagreements = new List<string>();
        var cases = 0;
        var denied = 0;
        foreach (var set in Sets)
        {
            var roles = new List<(string Id, ImmutableArray<AccessPolicyGrant> Policies)>();
            for (var r = 0; r < set.Roles.Length; r++)
            {
                var definitions = set.Roles[r].Select(d => new { effect = d.Effect, actions = d.Actions, resources = d.Resources.Select(Ids).ToArray() }).ToArray();
                var policy = await f.Client.PostAsync<JsonObject>($"{org}/iam-policies", new { name = $"{set.Name}-{r}", definitions }, ct);
                var role = await f.Client.PostAsync<JsonObject>($"{org}/iam-roles", new { name = $"{set.Name}-{r}", policies = new[] { new { id = (string)policy["id"]!, type = "organization" } } }, ct);
                var rules = set.Roles[r].Select((d, i) => new AccessRule(d.Effect, [.. d.Actions], [.. d.Resources.Select(Ids)], new AccessSource($"{set.Name}-{r}", $"{set.Name}-{r}", i, null)));
                roles.Add(((string)role["id"]!, [new AccessPolicyGrant($"{set.Name}-{r}", [.. rules])]));
            }

            foreach (var scoped in new[] { false, true })
            {
                ImmutableArray<string> scope = scoped ? [f.Emulator.WorkspaceId] : [];
                var roleRefs = roles.Select(role => scoped
                    ? (object)new { id = role.Id, type = "organization", workspaces = scope.ToArray() }
                    : new { id = role.Id, type = "organization" }).ToArray();
                var created = await f.Client.PostAsync<JsonObject>($"{org}/access-keys", new { name = $"{set.Name}-{scoped}", description = "agreement test", roleRefs }, ct);
                var token = (string)created["token"]!;
                var subject = new AccessSubject(set.Name, [.. roles.Select((role, i) => new AccessRoleGrant($"{set.Name}-{i}", scope, role.Policies))]);

                foreach (var (method, template) in Requests)
                {
                    var path = Ids(template);
                    using var request = new HttpRequestMessage(new HttpMethod(method), path);
                    request.Headers.Authorization = new AuthenticationHeaderValue("AccessKey", token);
                    if (method is "POST" or "PUT" or "PATCH")
                    {
                        // A body Bird must refuse: an allowed request changes nothing.
                        request.Content = new StringContent("{\"unknownField\":true}", System.Text.Encoding.UTF8, "application/json");
                    }

                    using var response = await http.SendAsync(request, ct);
                    response.StatusCode.Should().NotBe(HttpStatusCode.Unauthorized);
                    var emulatorAllows = response.StatusCode != HttpStatusCode.Forbidden;
                    var decision = AccessEvaluator.Decide(subject, method, path);
                    cases++;
                    denied += emulatorAllows ? 0 : 1;
                    if (decision.IsAllowed != emulatorAllows)
                    {
                        disagreements.Add($"{set.Name} scoped={scoped} {method} {template}: evaluator {decision.Verdict}, emulator {(int)response.StatusCode}");
                    }
                }
            }
        }

        cases.Should().BeGreaterThanOrEqualTo(200);
        denied.Should().BeInRange(cases / 5, cases * 4 / 5, "the table exercises both answers");
        disagreements.Should().BeEmpty();
    }
}
