using System.Text.Json.Nodes;

namespace BirdInfra.Emulator.Iam;

/// <summary>IAM roles: list, create, get, update (PATCH, or PUT when so configured), delete. Names are unique per organization (409).</summary>
internal static class RoleEndpoints
{
    private static readonly string[] Fields = ["name", "description", "policies", "actions", "metadata"];

    public static void Map(IEndpointRouteBuilder app)
    {
        var roles = new OrganizationCollection<RoleRecord>(app, "/organizations/{organizationId}/iam-roles", "role", state => state.Roles);
        roles.MapList((state, r) => RoleView.From(r, state));

        roles.MapCreate<RoleView>((state, body, time) =>
        {
            var v = new Validator();
            var (name, description, policies, actions, metadata) = ReadFields(v, body, state, nameRequired: true);
            if (v.ToError() is { } invalid)
            {
                return invalid;
            }

            if (state.Roles.Values.Any(r => r.Name == name))
            {
                return ApiError.Conflict($"a role named '{name}' already exists");
            }

            var now = time.NowMs();
            var role = new RoleRecord(Clock.NewId(), name!, description ?? "", policies ?? [], actions ?? [], (JsonObject?)metadata?.DeepClone(), now, now);
            state.Roles[role.Id] = role;
            return RoleView.From(role, state);
        });

        roles.MapGet((state, r, _) => RoleView.From(r, state));

        // Bird's docs show the role update without its method (fact sheet §7.3); EmulatorOptions.RoleUpdateWithPut
        // picks which reading the emulator plays, and the other method answers 405.
        app.MapMethods(roles.Item, ["PATCH", "PUT"], async (string organizationId, string id, HttpRequest request, EmulatorStore store, EmulatorOptions options, TimeProvider time, CancellationToken ct) =>
        {
            var put = HttpMethods.IsPut(request.Method);
            if (put != options.RoleUpdateWithPut)
            {
                return ApiResults.Error(new ApiError(
                    405, ErrorCodes.MethodNotAllowed, $"IAM roles are updated with {(options.RoleUpdateWithPut ? "PUT and the full body" : "PATCH")}"));
            }

            return await BodyWrite.RunAsync<RoleView>(
                request, store, state => Scope.Organization(state, organizationId), (state, body) => Update(state, id, body, replace: put, time), ct);
        });

        roles.MapDelete((state, roleId) =>
            state.AccessKeys.Values.FirstOrDefault(k => k.RoleRefs.Any(r => r.Id == roleId)) is { } key ? $"access key {key.Id} ('{key.Name}')" : null);
    }

    /// <summary>PATCH changes the fields present; PUT (<paramref name="replace"/>) sets every field, absent ones to empty.</summary>
    private static Outcome<RoleView> Update(EmulatorState state, string roleId, JsonObject body, bool replace, TimeProvider time)
    {
        if (!state.Roles.TryGetValue(roleId, out var role))
        {
            return ApiError.NotFound("role");
        }

        var v = new Validator();
        if (body.Count == 0 && !replace)
        {
            v.Add(".", "at least one property is required");
        }

        var (name, description, policies, actions, metadata) = ReadFields(v, body, state, nameRequired: replace);
        if (v.ToError() is { } invalid)
        {
            return invalid;
        }

        if (name is not null && state.Roles.Values.Any(r => r.Name == name && r.Id != roleId))
        {
            return ApiError.Conflict($"a role named '{name}' already exists");
        }

        var updated = replace
            ? role with
            {
                Name = name!,
                Description = description ?? "",
                Policies = policies ?? [],
                Actions = actions ?? [],
                Metadata = (JsonObject?)metadata?.DeepClone(),
                UpdatedAt = time.NowMs(),
            }
            : role with
            {
                Name = name ?? role.Name,
                Description = description ?? role.Description,
                Policies = policies ?? role.Policies,
                Actions = actions ?? role.Actions,
                Metadata = metadata is null ? role.Metadata : (JsonObject)metadata.DeepClone(),
                UpdatedAt = time.NowMs(),
            };
        state.Roles[roleId] = updated;
        return RoleView.From(updated, state);
    }

    /// <summary>A role body's fields, read and checked alike by create, PATCH and PUT (an empty body has no unsupported property).</summary>
    private static (string? Name, string? Description, List<PolicyReference>? Policies, List<RoleAction>? Actions, JsonObject? Metadata) ReadFields(
        Validator v, JsonObject body, EmulatorState state, bool nameRequired)
    {
        v.Closed(body, "", Fields);
        return (
            v.String(body, "name", "", required: nameRequired),
            v.String(body, "description", "", required: false, min: 0),
            ParsePolicies(v, body, state),
            ParseActions(v, body),
            v.Object(body, "metadata", "", required: false));
    }

    private static List<PolicyReference>? ParsePolicies(Validator v, JsonObject body, EmulatorState state)
    {
        if (v.Objects(body, "policies", "", required: false, minItems: 0, maxItems: 50, "id", "type") is not { } items)
        {
            return null;
        }

        var result = new List<PolicyReference>();
        foreach (var (p, at) in items)
        {
            var id = v.String(p, "id", at, required: true);
            var type = v.String(p, "type", at, required: false) ?? "organization";
            if (type == "managed")
            {
                v.Add(Validator.Child(at, "type"), "managed policies are not available in the emulator");
            }
            else if (type != "organization")
            {
                v.Add(Validator.Child(at, "type"), "must be one of: managed, organization");
            }
            else if (id is not null && !state.Policies.ContainsKey(id))
            {
                v.Add(Validator.Child(at, "id"), $"policy {id} does not exist");
            }

            if (id is not null)
            {
                if (result.Any(r => r.Id == id))
                {
                    v.Add(Validator.Child(at, "id"), "duplicate policy reference");
                }

                result.Add(new PolicyReference(id, type));
            }
        }

        return result;
    }

    private static List<RoleAction>? ParseActions(Validator v, JsonObject body)
    {
        if (v.Objects(body, "actions", "", required: false, minItems: 0, maxItems: int.MaxValue, "name", "type") is not { } items)
        {
            return null;
        }

        var result = new List<RoleAction>();
        foreach (var (a, at) in items)
        {
            var name = v.String(a, "name", at, required: true);
            var type = v.String(a, "type", at, required: true);
            if (name is not null && type is not null)
            {
                result.Add(new RoleAction(name, type));
            }
        }

        return result;
    }
}
