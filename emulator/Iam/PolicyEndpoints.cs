using System.Text.Json.Nodes;

namespace BirdInfra.Emulator.Iam;

/// <summary>
/// IAM policies: list, create, get, delete. PATCH/PUT answer 405: the docs show no update endpoint,
/// so a changed policy must be replaced (docs/bird-api-decisions.md).
/// </summary>
internal static class PolicyEndpoints
{
    private static readonly string[] Actions = ["any", "create", "view", "update", "delete"];

    public static void Map(IEndpointRouteBuilder app)
    {
        var policies = new OrganizationCollection<PolicyRecord>(app, "/organizations/{organizationId}/iam-policies", "policy", state => state.Policies);
        policies.MapList((state, p) => PolicyView.From(p, state));

        policies.MapCreate<PolicyView>((state, body, time) =>
        {
            var v = new Validator();
            v.Closed(body, "", "name", "description", "definitions", "metadata");
            var name = v.String(body, "name", "", required: true);
            var description = v.String(body, "description", "", required: false, min: 0);
            var metadata = v.Object(body, "metadata", "", required: false);
            var definitions = ParseDefinitions(v, body);
            if (v.ToError() is { } invalid)
            {
                return invalid;
            }

            var now = time.NowMs();
            var policy = new PolicyRecord(Clock.NewId(), name!, description ?? "", definitions, (JsonObject?)metadata?.DeepClone(), now, now);
            state.Policies[policy.Id] = policy;
            return PolicyView.From(policy, state);
        });

        policies.MapGet((state, p, _) => PolicyView.From(p, state));

        app.MapMethods(policies.Item, ["PATCH", "PUT"], () => ApiResults.Error(new ApiError(
            405, ErrorCodes.MethodNotAllowed, "IAM policies cannot be updated; create a new policy, re-point the roles, then delete the old one")));

        policies.MapDelete((state, policyId) =>
            state.Roles.Values.FirstOrDefault(r => r.Policies.Any(p => p.Id == policyId)) is { } role ? $"role {role.Id} ('{role.Name}')" : null);
    }

    private static List<PolicyDefinition> ParseDefinitions(Validator v, JsonObject body)
    {
        var result = new List<PolicyDefinition>();
        foreach (var (d, at) in v.Objects(body, "definitions", "", required: true, minItems: 1, maxItems: 100, "effect", "actions", "resources", "conditionsAll") ?? [])
        {
            var effect = v.String(d, "effect", at, required: true);
            if (effect is not null and not ("allow" or "deny"))
            {
                v.Add(Validator.Child(at, "effect"), "must be one of: allow, deny");
            }

            var actions = v.StringArray(d, "actions", at, required: true, minItems: 1) ?? [];
            for (var a = 0; a < actions.Count; a++)
            {
                if (!Actions.Contains(actions[a], StringComparer.Ordinal))
                {
                    v.Add(Validator.Item(Validator.Child(at, "actions"), a), $"must be one of: {string.Join(", ", Actions)}");
                }
            }

            var resources = v.StringArray(d, "resources", at, required: true, minItems: 1) ?? [];
            for (var r = 0; r < resources.Count; r++)
            {
                if (ResourcePattern.Problem(resources[r]) is { } problem)
                {
                    v.Add(Validator.Item(Validator.Child(at, "resources"), r), problem);
                }
            }

            var conditions = v.Array(d, "conditionsAll", at, required: false);
            result.Add(new PolicyDefinition(effect ?? "", actions, resources, (JsonArray?)conditions?.DeepClone()));
        }

        return result;
    }
}
