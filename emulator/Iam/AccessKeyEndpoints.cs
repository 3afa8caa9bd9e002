using System.Text.Json.Nodes;

namespace BirdInfra.Emulator.Iam;

/// <summary>Access keys: list, create (token returned once), get, delete. There is no update: a change replaces the key.</summary>
internal static class AccessKeyEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var accessKeys = new OrganizationCollection<AccessKeyRecord>(app, "/organizations/{organizationId}/access-keys", "access key", state => state.AccessKeys);
        accessKeys.MapList((state, k) => AccessKeyView.From(k, state.Bootstrap.OrganizationId));

        accessKeys.MapCreate<AccessKeyCreated>((state, body, time) =>
        {
            var v = new Validator();
            v.Closed(body, "", "name", "description", "roleRefs", "roleIds");
            var name = v.String(body, "name", "", required: true);
            var description = v.String(body, "description", "", required: true);
            var roleRefs = ParseRoleRefs(v, body, state);
            if (v.ToError() is { } invalid)
            {
                return invalid;
            }

            var token = EmulatorStore.NewToken();
            var now = time.NowMs();
            var key = new AccessKeyRecord(Clock.NewId(), name!, description!, TokenHash.Of(token), token[^4..], roleRefs, null, now, now);
            state.AccessKeys[key.Id] = key;
            return new AccessKeyCreated(AccessKeyView.From(key, state.Bootstrap.OrganizationId), token);
        });

        // GET one key expands its roles (roles, full role objects) unless the options ask for the list's roleRefs.
        accessKeys.MapGet((state, k, options) =>
            options.AccessKeyGetExpandsRoles ? AccessKeyView.Expanded(k, state) : AccessKeyView.From(k, state.Bootstrap.OrganizationId));

        accessKeys.MapDelete();
    }

    /// <summary>Reads <c>roleRefs</c> (and the deprecated <c>roleIds</c>) as a create does; the role-references control reuses it.</summary>
    internal static List<RoleReference> ParseRoleRefs(Validator v, JsonObject body, EmulatorState state)
    {
        var result = new List<RoleReference>();
        if (v.Objects(body, "roleRefs", "", required: false, minItems: 0, maxItems: 5, "id", "type", "workspaces") is { } items)
        {
            foreach (var (r, at) in items)
            {
                var id = v.String(r, "id", at, required: true);
                var type = v.String(r, "type", at, required: false) ?? "organization";
                if (type != "organization")
                {
                    v.Add(Validator.Child(at, "type"), "only organization roles exist in the emulator");
                }

                var workspaces = v.StringArray(r, "workspaces", at, required: false) ?? [];

                // Bird documents no meaning for an empty list (docs/bird-api-decisions.md): refused, conservatively, so a
                // client that means "organization-wide" leaves workspaces out.
                if (r is JsonObject refObject && refObject["workspaces"] is JsonArray { Count: 0 })
                {
                    v.Add(Validator.Child(at, "workspaces"), "must not be empty; leave it out for a role that applies in every workspace of the organization");
                }
                for (var w = 0; w < workspaces.Count; w++)
                {
                    if (!state.Workspaces.ContainsKey(workspaces[w]))
                    {
                        v.Add(Validator.Item(Validator.Child(at, "workspaces"), w), $"workspace {workspaces[w]} does not exist");
                    }
                }

                if (id is not null)
                {
                    if (!state.Roles.ContainsKey(id))
                    {
                        v.Add(Validator.Child(at, "id"), $"role {id} does not exist");
                    }

                    result.Add(new RoleReference(id, type, workspaces));
                }
            }
        }

        // roleIds is the deprecated way to attach roles; it means "organization role, every workspace".
        if (v.StringArray(body, "roleIds", "", required: false, minItems: 1, maxItems: 5) is { } roleIds)
        {
            for (var i = 0; i < roleIds.Count; i++)
            {
                if (!state.Roles.ContainsKey(roleIds[i]))
                {
                    v.Add(Validator.Item(".roleIds", i), $"role {roleIds[i]} does not exist");
                }
                else if (result.All(r => r.Id != roleIds[i]))
                {
                    result.Add(new RoleReference(roleIds[i], "organization", []));
                }
            }
        }

        return result;
    }
}
