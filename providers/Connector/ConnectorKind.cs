using System.Text.Json;
using System.Text.Json.Nodes;

namespace BirdInfra.Providers.Connector;

/// <summary>
/// A WhatsApp connector in the workspace. Bird creates its channel in the background, so create waits until
/// <c>channelId</c> is known and the channel's status is <c>active</c> (<see cref="OutputWait"/>, in the words of
/// <see cref="ConnectorChannelWait"/>). There is no
/// update: any change replaces the connector, deleting the old one first when the new one would collide with it (same
/// template and phone number → Bird's 409).
/// </summary>
public sealed partial class ConnectorKind : IResourceKind
{
    private static readonly BirdCollection Connectors = new("/workspaces/{workspaceId}/connectors");

    private static readonly ImmutableHashSet<string> SecretKeys = ConnectorFields.Table.Secrets;

    /// <summary>The natural key's phone number when Bird did not echo it; never a valid E.164 number.</summary>
    private const string UnknownPhoneNumber = "(phone number not echoed by Bird)";

    public string Name => "Connector";

    public KindSchema Schema { get; } = BuildSchema();

    public StackSection Stack { get; } = new ConnectorSection();

    public IBesideStack Beside { get; } = new ConnectorDrift();

    public ILateOutputs LateOutputs { get; } = new ConnectorChannelWait();

    /// <summary>No update (a changed connector is replaced); its channel is read while a create waits for it.</summary>
    public IReadOnlyList<BirdCall> Calls { get; } =
    [
        .. Connectors.Crud("connector", "connectors", update: false),
        new("GET", "/workspaces/{workspaceId}/channels", "list channels (connectors waiting together share one read; refused, each reads its own)", Optional: true),
        new("GET", "/workspaces/{workspaceId}/channels/{id}", "read a connector's channel (a connector is ready when it is active)"),
    ];

    public CheckResult Check(PropertyMap inputs)
    {
        var check = new InputChecker();
        var normalised = check.Fields(inputs, ConnectorFields.Table);
        return new CheckResult(normalised, check.Failures);
    }

    public DiffResult Diff(ResourceSnapshot old, PropertyMap newInputs)
    {
        var before = Check(old.Inputs).Inputs;
        var after = Check(newInputs).Inputs;
        var changes = PropertyDiffer.Compare(before, after, _ => true, SecretKeys, requiredSecretKeys: SecretKeys);
        if (changes.IsEmpty)
        {
            return DiffResult.Same;
        }

        // Bird allows one connector per template and phone number: when those stay, the old one must go first.
        // No Reason: the plan already names the properties that force the replacement, which says it all.
        var sameKey = new[] { ConnectorFields.PhoneNumber, ConnectorFields.Template }.All(f => Equals(before[f.Property!], after[f.Property!]));
        return new DiffResult(DiffOutcome.Replace, changes, DeleteBeforeReplace: sameKey);
    }

    public string? DestructiveConsequence(ResourceSnapshot current, PropertyMap? replacement)
    {
        var number = current.Inputs.GetString(ConnectorFields.PhoneNumber.Property!) ?? "(number unknown)";
        var next = replacement?.GetString(ConnectorFields.PhoneNumber.Property!);
        return replacement switch
        {
            null => $"deleting the connector drops WhatsApp number {number} from Bird: messages to it are no longer received",
            _ when next is not null && next != number => $"replacing the connector drops WhatsApp number {number} from Bird (the new connector uses {next}): messages to {number} are no longer received",
            _ => $"replacing the connector takes WhatsApp number {number} offline until the new connector's channel is ready; its channel id changes",
        };
    }

    /// <summary>Bird names a connector by its channel elsewhere (a webhook subscription's channelId filter).</summary>
    public string ReferenceOutput => ConnectorFields.ChannelId.Name;

    public string ReferredAs(ResourceSnapshot live)
    {
        ArgumentNullException.ThrowIfNull(live);
        return $"{BesideDescription.NameOf(live)}, {live.Inputs.GetString(ConnectorFields.PhoneNumber.Property!)}";
    }

    /// <summary>
    /// Template and phone number, Bird's uniqueness rule. A live connector whose read did not echo its phone number
    /// gets a key no create's inputs can have (phoneNumber is required and E.164), so create recovery never adopts it:
    /// the create is sent again and Bird's 409 names the clash, rather than a wrong connector being taken over.
    /// </summary>
    public string NaturalKey(PropertyMap inputs) =>
        $"{Name}:{inputs.GetString(ConnectorFields.Template.Property!) ?? ConnectorSpec.DefaultTemplate}:{inputs.GetString(ConnectorFields.PhoneNumber.Property!) ?? UnknownPhoneNumber}";

    public async Task<ResourceSnapshot> CreateAsync(ProviderContext context, PropertyMap inputs, CancellationToken cancellationToken)
    {
        var spec = ConnectorSpec.FromInputs(Check(inputs).Inputs);
        var arguments = spec.Arguments();

        var body = new
        {
            name = spec.Name,
            connectorTemplateRef = spec.ConnectorTemplateRef,
            arguments,
            securityArguments = new { oauth = new { accessToken = spec.AccessToken.Reveal() } },
        };
        var created = await context.Client.PostAsync<ConnectorWire>(Connectors.Path(context), body, [spec.AccessToken.Reveal()], cancellationToken).ConfigureAwait(false);
        var sent = Check(inputs).Inputs;
        return await OutputWait.WaitAsync(this, context, MergeLive(new ResourceSnapshot(created.Id, sent, sent), Snapshot(created)), cancellationToken).ConfigureAwait(false);
    }

    public async Task<ResourceSnapshot?> ReadAsync(ProviderContext context, ResourceSnapshot known, CancellationToken cancellationToken)
    {
        var live = await Connectors.ReadAsync<ConnectorWire>(context, known.Id, Snapshot, cancellationToken).ConfigureAwait(false);
        return live is null ? null : await WithChannelStatusAsync(context, MergeLive(known, live), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The connector's <c>channel</c> link carries only the channel's id and platform, so whether the channel works is read
    /// from the channel itself (<c>status</c>, <c>active</c> when working). A channel not readable yet (404) has no status.
    /// </summary>
    private static async Task<ResourceSnapshot> WithChannelStatusAsync(ProviderContext context, ResourceSnapshot snapshot, CancellationToken cancellationToken)
    {
        if (snapshot.Outputs.GetString(ConnectorFields.ChannelId.Name) is not { Length: > 0 } channelId)
        {
            return snapshot;
        }

        var channel = await context.Client.GetOrNullAsync<ChannelWire>(BirdPaths.Of("workspaces", context.WorkspaceId, "channels", channelId), cancellationToken).ConfigureAwait(false);
        var status = PropertyMaps.Text(string.IsNullOrEmpty(channel?.Status) ? null : channel.Status);
        return snapshot with { Outputs = status is null ? snapshot.Outputs : snapshot.Outputs.With(ConnectorFields.ChannelStatus.Name, status) };
    }

    public async Task<IReadOnlyList<ResourceSnapshot>> ListAsync(ProviderContext context, CancellationToken cancellationToken)
    {
        var result = ImmutableArray.CreateBuilder<ResourceSnapshot>();
        foreach (var template in BirdRules.ConnectorTemplates)
        {
            result.AddRange(await Connectors.ListAsync<ConnectorWire>(context, Snapshot, cancellationToken, query: [new("templateRef", template)]).ConfigureAwait(false));
        }

        return result.ToImmutable();
    }

    /// <summary>
    /// Bird never echoes the Meta access token, and documents <c>arguments</c> only as "pre-configured arguments",
    /// not that wabaId, phoneId, phoneNumber and mbPhoneId come back: whatever a read lacks is kept from what state
    /// knows, so a missing echo is never drift (which would plan replacing a live WhatsApp number).
    /// </summary>
    public ResourceSnapshot MergeLive(ResourceSnapshot known, ResourceSnapshot live)
    {
        var merged = live;
        foreach (var key in ConnectorFields.Arguments.Select(f => f.Property!))
        {
            if (live.Inputs[key] is null && known.Inputs[key] is { IsNull: false } value)
            {
                merged = merged with { Inputs = merged.Inputs.With(key, value), Outputs = merged.Outputs.With(key, value) };
            }
        }

        // A listing carries no channel status (only GET /channels/{id} does): the status last read stays, for the same channel.
        if (merged.Outputs[ConnectorFields.ChannelStatus.Name] is null && known.Outputs.GetString(ConnectorFields.ChannelStatus.Name) is { } status
            && merged.Outputs.GetString(ConnectorFields.ChannelId.Name) is { } channelId && channelId == known.Outputs.GetString(ConnectorFields.ChannelId.Name))
        {
            merged = merged with { Outputs = merged.Outputs.With(ConnectorFields.ChannelStatus.Name, PropertyValue.String(status)) };
        }

        return known.Inputs[ConnectorFields.AccessToken.Property!] is { IsNull: false } token ? WithSecret(merged, token) : merged;
    }

    /// <summary>
    /// Bird has no connector update, so the only update with unchanged inputs is Pulumi finishing a create it saved with
    /// init errors (the channel did not appear in time): the engine sends Update on every later run, and this waits for
    /// the channel again and returns it. Any real change is a replacement, planned by <see cref="Diff"/>.
    /// </summary>
    public async Task<ResourceSnapshot> UpdateAsync(ProviderContext context, ResourceSnapshot old, PropertyMap newInputs, CancellationToken cancellationToken)
    {
        if (Diff(old, newInputs).Outcome != DiffOutcome.Same)
        {
            throw new InvalidOperationException($"Connector '{old.Inputs.GetString(ConnectorFields.Name.Property!)}' ({old.Id}) cannot be updated in place: Bird has no connector update, so the plan must replace it.");
        }

        var live = await ReadAsync(context, old, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Connector '{old.Inputs.GetString(ConnectorFields.Name.Property!)}' ({old.Id}) is no longer in Bird: refresh to forget it, then run again to create it.");
        return await OutputWait.WaitAsync(this, context, live, cancellationToken).ConfigureAwait(false);
    }

    public Task DeleteAsync(ProviderContext context, ResourceSnapshot old, CancellationToken cancellationToken) =>
        Connectors.DeleteAsync(context, old.Id, cancellationToken);

    internal static ResourceSnapshot Snapshot(ConnectorWire wire)
    {
        var arguments = wire.Arguments ?? new JsonObject();
        var inputs = PropertyMaps.Of([
            (ConnectorFields.Name.Property!, PropertyValue.String(wire.Name)),
            (ConnectorFields.Template.Property!, PropertyValue.String(string.IsNullOrEmpty(wire.ConnectorTemplateRef) ? ConnectorSpec.DefaultTemplate : wire.ConnectorTemplateRef)),
            .. ConnectorFields.Arguments.Select(f => (f.Property!, Argument(arguments, f.Property!)))]);
        return ResourceSnapshot.FromBird(
            wire.Id,
            inputs,
            (ConnectorFields.ChannelId.Name, PropertyMaps.Text(string.IsNullOrEmpty(wire.Channel?.ChannelId) ? null : wire.Channel.ChannelId)),
            (ConnectorFields.Platform.Name, PropertyMaps.Text(string.IsNullOrEmpty(wire.Channel?.Platform) ? null : wire.Channel.Platform)));
    }

    private static ResourceSnapshot WithSecret(ResourceSnapshot snapshot, PropertyValue accessToken)
    {
        var secret = PropertyValue.Secret(accessToken);
        var key = ConnectorFields.AccessToken.Property!;
        return snapshot with { Inputs = snapshot.Inputs.With(key, secret), Outputs = snapshot.Outputs.With(key, secret) };
    }

    private static PropertyValue? Argument(JsonObject arguments, string key) =>
        arguments[key] is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() is { Length: > 0 } text ? PropertyValue.String(text) : null;

    private static KindSchema BuildSchema() => KindSchema.From(
        "A WhatsApp connector; Bird creates its channel in the background and BirdInfra waits for it. Any change replaces the connector.",
        "connector",
        ConnectorFields.Table.Inputs,
        ConnectorFields.Outputs);
}
