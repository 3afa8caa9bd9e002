using System.Text.Json.Nodes;

namespace BirdInfra.Providers.AccessRole;

/// <summary>
/// An organization IAM role holding policies. Every property updates in place (PATCH, or PUT where Bird refuses
/// PATCH: see docs/bird-api-decisions.md); role names
/// are unique in Bird, so a replacement would only collide with itself and is never planned.
/// </summary>
public sealed class AccessRoleKind : IResourceKind
{
    private static readonly BirdCollection Roles = new("/organizations/{organizationId}/iam-roles");

    /// <summary>A role's fields Bird documents as read-only (fact sheet §2.4): never sent back in a PUT.</summary>
    private static readonly ImmutableHashSet<string> ReadOnlyFields = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase, "id", "organizationId", "type", "usersDependencyCount", "accessKeysDependencyCount", "createdAt", "updatedAt");

    public string Name => "AccessRole";

    public KindSchema Schema { get; } = BuildSchema();

    public StackSection Stack { get; } = new AccessRoleSection();

    public IBesideStack Beside { get; } = new AccessRoleDrift();

    public AccessPart? Access { get; } = new(AccessTier.Role, AccessRoleFields.Policies.Property!) { Id = AccessRoleFields.PolicyId.Property };

    /// <summary>Update is PATCH (PUT after a 405, which needs the same <c>update</c> action).</summary>
    public IReadOnlyList<BirdCall> Calls { get; } = [.. Roles.Crud("access role", "access roles", update: true)];

    public CheckResult Check(PropertyMap inputs)
    {
        var check = new InputChecker();
        var normalised = check.Fields(inputs, AccessRoleFields.Table);
        var field = AccessRoleFields.Policies;
        var policies = check.List(inputs, string.Empty, field);
        if ((policies is { } list ? PropertyValue.List(SortedReferences(check, list)) : inputs[field.Property!]) is { IsNull: false } checkedPolicies)
        {
            normalised = normalised.With(field.Property!, checkedPolicies);
        }

        return new CheckResult(normalised, check.Failures);
    }

    public DiffResult Diff(ResourceSnapshot old, PropertyMap newInputs) =>
        PropertyDiffer.Result(PropertyDiffer.Compare(Check(old.Inputs).Inputs, Check(newInputs).Inputs, _ => false, AccessRoleFields.Table.Secrets));

    public string NaturalKey(PropertyMap inputs) => $"{Name}:{inputs.GetString(AccessRoleFields.Name.Property!)}";

    public async Task<ResourceSnapshot> CreateAsync(ProviderContext context, PropertyMap inputs, CancellationToken cancellationToken)
    {
        var spec = AccessRoleSpec.FromInputs(Check(inputs).Inputs);
        var body = new { name = spec.Name, description = spec.Description, policies = References(spec) };
        return await Roles.CreateAsync<RoleWire>(context, body, Snapshot, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Bird returns every input of a role: what it answers replaces what state held.</summary>
    public Task<ResourceSnapshot?> ReadAsync(ProviderContext context, ResourceSnapshot known, CancellationToken cancellationToken) =>
        Roles.ReadAsync<RoleWire>(context, known.Id, Snapshot, cancellationToken);

    /// <summary>Managed roles (Inbox Agent, Application Developer, ...) are left out.</summary>
    public async Task<IReadOnlyList<ResourceSnapshot>> ListAsync(ProviderContext context, CancellationToken cancellationToken) =>
        await Roles.ListAsync<RoleWire>(context, Snapshot, cancellationToken, keep: r => !BirdCollection.ManagedByBird(r.Type)).ConfigureAwait(false);

    /// <summary>
    /// One PATCH carrying only the changed fields; a removed description is cleared with an empty string. Bird's docs do
    /// not show the method, so a 405 makes the client PUT the full role instead (and keep doing so).
    /// </summary>
    public async Task<ResourceSnapshot> UpdateAsync(ProviderContext context, ResourceSnapshot old, PropertyMap newInputs, CancellationToken cancellationToken)
    {
        var before = AccessRoleSpec.FromInputs(Check(old.Inputs).Inputs);
        var after = AccessRoleSpec.FromInputs(Check(newInputs).Inputs);
        var body = new Dictionary<string, object>(StringComparer.Ordinal);
        if (before.Name != after.Name)
        {
            body[AccessRoleFields.Name.Property!] = after.Name;
        }

        if (before.Description != after.Description)
        {
            body[AccessRoleFields.Description.Property!] = after.Description ?? string.Empty;
        }

        if (!before.Policies.SequenceEqual(after.Policies))
        {
            body[AccessRoleFields.Policies.Property!] = References(after);
        }

        if (body.Count == 0)
        {
            return old;
        }

        var updated = await context.Client.PatchOrPutAsync<RoleWire>(Roles.Item(context, old.Id), body, ct => FullBodyAsync(context, old.Id, after, ct), cancellationToken).ConfigureAwait(false);
        return Snapshot(updated);
    }

    /// <summary>
    /// The body of a PUT, which may replace the whole role: every field Bird returned for the role just before (its
    /// <c>actions</c>, <c>metadata</c>, anything BirdInfra does not know), less the read-only ones and nulls (never sent), with
    /// the fields BirdInfra manages set as the stack declares them. A PUT of only those would clear the rest.
    /// </summary>
    private static async Task<object> FullBodyAsync(ProviderContext context, string id, AccessRoleSpec after, CancellationToken cancellationToken)
    {
        var current = await context.Client.GetAsync<JsonObject>(Roles.Item(context, id), cancellationToken).ConfigureAwait(false);
        var body = new JsonObject();
        foreach (var (field, value) in current)
        {
            if (value is not null && !ReadOnlyFields.Contains(field))
            {
                body[field] = value.DeepClone();
            }
        }

        body[AccessRoleFields.Name.Property!] = after.Name;
        body[AccessRoleFields.Description.Property!] = after.Description ?? string.Empty;
        body[AccessRoleFields.Policies.Property!] = new JsonArray([.. after.Policies.Select(p => (JsonNode)new JsonObject { [AccessRoleFields.PolicyId.Property!] = p.Id, [AccessRoleFields.PolicyType.Property!] = p.Type })]);
        return body;
    }

    public Task DeleteAsync(ProviderContext context, ResourceSnapshot old, CancellationToken cancellationToken) =>
        Roles.DeleteAsync(context, old.Id, cancellationToken);

    internal static ResourceSnapshot Snapshot(RoleWire wire)
    {
        var spec = AccessRoleSpec.Create(
            wire.Name,
            wire.Description,
            (wire.Policies ?? []).Select(p => new AccessRolePolicyRef(p.Id, p.Type ?? AccessRoleSpec.DefaultPolicyType)));
        return ResourceSnapshot.FromBird(wire.Id, spec.ToInputs(), (AccessRoleFields.BirdType.Name, PropertyMaps.Text(wire.Type)));
    }

    private static object[] References(AccessRoleSpec spec) => spec.Policies.Select(p => (object)new { id = p.Id, type = p.Type }).ToArray();

    private static IEnumerable<PropertyValue> SortedReferences(InputChecker check, ImmutableArray<PropertyValue> items)
    {
        var known = new List<(string Id, string Type)>();
        var unknown = new List<PropertyValue>();
        foreach (var (map, path) in check.Objects(items, AccessRoleFields.Policies, AccessRoleFields.PolicyRef))
        {
            var id = check.String(map, path, AccessRoleFields.PolicyId);
            var type = check.String(map, path, AccessRoleFields.PolicyType);
            if (id is null || type is null)
            {
                continue;
            }

            if (id.ContainsUnknown || type.ContainsUnknown)
            {
                unknown.Add(PropertyValue.Map(PropertyMaps.Of((AccessRoleFields.PolicyId.Property!, id), (AccessRoleFields.PolicyType.Property!, type))));
            }
            else
            {
                known.Add((id.AsString(), type.AsString()));
            }
        }

        return known.Distinct().OrderBy(p => p.Id, StringComparer.Ordinal).ThenBy(p => p.Type, StringComparer.Ordinal)
            .Select(p => AccessRoleSpec.Reference(p.Id, p.Type))
            .Concat(unknown);
    }

    private static KindSchema BuildSchema() => KindSchema.From(
        "An organization IAM role that groups policies; access keys are bound to roles. Every change updates in place.",
        "role",
        AccessRoleFields.Table.Inputs,
        AccessRoleFields.Outputs);
}
