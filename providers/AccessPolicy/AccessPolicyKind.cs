
namespace BirdInfra.Providers.AccessPolicy;

/// <summary>
/// An organization IAM policy. Bird has no policy update (docs/bird-api-decisions.md), so every change is a
/// replacement, created before the old one is deleted (policy names are not unique, so both can coexist).
/// </summary>
public sealed class AccessPolicyKind : IResourceKind
{
    private static readonly BirdCollection Policies = new("/organizations/{organizationId}/iam-policies");

    public string Name => "AccessPolicy";

    public KindSchema Schema { get; } = BuildSchema();

    public StackSection Stack { get; } = new AccessPolicySection();

    public IBesideStack Beside { get; } = new AccessPolicyDrift();

    /// <summary>The policy's rows, as the access evaluator and drift read them.</summary>
    public static AccessPart Rows { get; } = new(AccessTier.Policy, AccessPolicyFields.Definitions.Property!)
    {
        Effect = AccessPolicyFields.Effect.Property,
        Actions = AccessPolicyFields.Actions.Property,
        Resources = AccessPolicyFields.Resources.Property,
    };

    public AccessPart? Access => Rows;

    /// <summary>No update: a changed policy is replaced.</summary>
    public IReadOnlyList<BirdCall> Calls { get; } = [.. Policies.Crud("access policy", "access policies", update: false)];

    public CheckResult Check(PropertyMap inputs)
    {
        var check = new InputChecker();
        var normalised = check.Fields(inputs, AccessPolicyFields.Table);
        var field = AccessPolicyFields.Definitions;
        var definitions = check.List(inputs, string.Empty, field, nonEmpty: true);
        if ((definitions is { } list ? PropertyValue.List(list.Select((d, i) => CheckDefinition(check, d, $"{field.Property}[{i}]"))) : inputs[field.Property!]) is { IsNull: false } checkedDefinitions)
        {
            normalised = normalised.With(field.Property!, checkedDefinitions);
        }
        return new CheckResult(normalised, check.Failures);
    }

    public DiffResult Diff(ResourceSnapshot old, PropertyMap newInputs)
    {
        var changes = PropertyDiffer.Compare(Check(old.Inputs).Inputs, Check(newInputs).Inputs, _ => true, AccessPolicyFields.Table.Secrets);
        return PropertyDiffer.Result(changes);
    }

    /// <summary>Names are not unique in Bird, but they are within a stack: the name is what adoption matches on.</summary>
    public string NaturalKey(PropertyMap inputs) => $"{Name}:{inputs.GetString(AccessPolicyFields.Name.Property!)}";

    public async Task<ResourceSnapshot> CreateAsync(ProviderContext context, PropertyMap inputs, CancellationToken cancellationToken)
    {
        var spec = AccessPolicySpec.FromInputs(Check(inputs).Inputs);
        var body = new
        {
            name = spec.Name,
            description = spec.Description,
            definitions = spec.Definitions.Select(d => new { effect = d.Effect, actions = d.Actions, resources = d.Resources }),
        };
        return await Policies.CreateAsync<PolicyWire>(context, body, Snapshot, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Bird returns every input of a policy: what it answers replaces what state held.</summary>
    public Task<ResourceSnapshot?> ReadAsync(ProviderContext context, ResourceSnapshot known, CancellationToken cancellationToken) =>
        Policies.ReadAsync<PolicyWire>(context, known.Id, Snapshot, cancellationToken);

    public async Task<IReadOnlyList<ResourceSnapshot>> ListAsync(ProviderContext context, CancellationToken cancellationToken) =>
        await Policies.ListAsync<PolicyWire>(context, Snapshot, cancellationToken, keep: p => !BirdCollection.ManagedByBird(p.Type)).ConfigureAwait(false);

    public Task<ResourceSnapshot> UpdateAsync(ProviderContext context, ResourceSnapshot old, PropertyMap newInputs, CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"AccessPolicy '{old.Inputs.GetString(AccessPolicyFields.Name.Property!)}' ({old.Id}) cannot be updated in place: Bird has no policy update, so the plan must replace it.");

    public Task DeleteAsync(ProviderContext context, ResourceSnapshot old, CancellationToken cancellationToken) =>
        Policies.DeleteAsync(context, old.Id, cancellationToken);

    internal static ResourceSnapshot Snapshot(PolicyWire wire)
    {
        var spec = new AccessPolicySpec(
            wire.Name,
            string.IsNullOrEmpty(wire.Description) ? null : wire.Description,
            (wire.Definitions ?? []).Select(d => AccessPolicySpec.Definition(d.Effect, d.Actions ?? [], d.Resources ?? [])).ToImmutableArray());
        return ResourceSnapshot.FromBird(wire.Id, spec.ToInputs(), (AccessPolicyFields.BirdType.Name, PropertyMaps.Text(wire.Type)), (AccessPolicyFields.Scope.Name, PropertyMaps.Text(wire.Scope)));
    }

    private static PropertyValue CheckDefinition(InputChecker check, PropertyValue item, string path)
    {
        if (item.ContainsUnknown && item.Unwrapped.Kind != PropertyKind.Map)
        {
            return item;
        }

        var map = check.Object(item, path);
        if (map is null)
        {
            return item;
        }

        var (effect, actions, resources) = (AccessPolicyFields.Effect, AccessPolicyFields.Actions, AccessPolicyFields.Resources);
        check.RejectUnknownKeys(map, path, AccessPolicyFields.Definition);
        var actionItems = check.List(map, path, actions, nonEmpty: true);
        var resourceItems = check.List(map, path, resources, nonEmpty: true);
        return PropertyValue.Map(PropertyMaps.Of(
            (effect.Property!, check.String(map, path, effect)),
            (actions.Property!, StringSet(check, map, path, actions, actionItems)),
            (resources.Property!, StringSet(check, map, path, resources, resourceItems))));
    }

    /// <summary>A definition's list of text, each item checked by the field's rule, sorted and de-duplicated; as written when it is no list.</summary>
    private static PropertyValue? StringSet(InputChecker check, PropertyMap map, string path, KindField field, ImmutableArray<PropertyValue>? items) =>
        items is { } list ? PropertyValue.List(check.StringSet(list, InputChecker.Join(path, field.Property!), field.Rule!.Check)) : map[field.Property!];

    private static KindSchema BuildSchema() => KindSchema.From(
        "An organization IAM policy: rules that allow or deny API actions on API paths. Bird cannot update a policy, so any change replaces it.",
        "policy",
        AccessPolicyFields.Table.Inputs,
        AccessPolicyFields.Outputs);
}
