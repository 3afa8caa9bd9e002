using BirdInfra.Providers.Graph;
using BirdInfra.Providers.Stacks.Model;
using BirdInfra.Providers.Stacks;
using System.Collections.Immutable;
using BirdInfra.Providers.Properties;
using BirdInfra.Stacks;
using BirdInfra.Stacks.Model;

namespace BirdInfra.Graph;

/// <summary>
/// Compiles a validated stack into the graph of resource declarations both engines apply: Bird field
/// names as inputs, references between resources as output references, secrets wrapped, generated
/// secrets left to the engine.
/// </summary>
public static class StackCompiler
{
    /// <param name="secretValue">Reads a secret from its source (environment, or Pulumi config in Pulumi mode); null when unset.</param>
    public static DesiredGraph Compile(StackDefinition stack, string organizationId, string workspaceId, Func<string, string?> environment, Func<SecretSource, string?>? secretValue = null)
    {
        secretValue ??= source => source.EnvironmentVariable is { } name ? environment(name) : null;
        string Interpolate(string raw) => StackInterpolation.Interpolate(raw, organizationId, workspaceId);
        InputExpression Secret(SecretSource source, string field) => source.IsGenerated
            ? new GeneratedSecretInput(source.GeneratedLength!.Value)
            : new LiteralInput(PropertyValue.SecretString(secretValue(source)
                ?? throw new Engine.UserError($"The secret {field} ({source}) has no value: set {source.EnvironmentVariable}.")));

        var resources = ImmutableArray.CreateBuilder<ResourceDeclaration>();
        foreach (var policy in stack.AccessPolicies)
        {
            var inputs = Inputs(
                ("name", Text(policy.Name)),
                ("description", policy.Description is null ? null : Text(policy.Description)),
                ("definitions", new ListInput(policy.Definitions.Select(d => (InputExpression)Map(
                    ("effect", Text(d.Effect)),
                    ("actions", Texts(d.Actions)),
                    ("resources", Texts(d.Resources.Select(Interpolate))))).ToImmutableArray())));
            resources.Add(new ResourceDeclaration(new ResourceAddress("AccessPolicy", policy.LogicalName), inputs, policy.Location, $"accessPolicies.{policy.LogicalName}", Protected(stack, "AccessPolicy", policy.LogicalName)));
        }

        foreach (var role in stack.AccessRoles)
        {
            var inputs = Inputs(
                ("name", Text(role.Name)),
                ("description", role.Description is null ? null : Text(role.Description)),
                ("policies", new ListInput(role.Policies.Select(p => (InputExpression)Map(
                    ("id", new OutputReference(new ResourceAddress("AccessPolicy", p.Name), "id")),
                    ("type", Text("organization")))).ToImmutableArray())));
            resources.Add(new ResourceDeclaration(new ResourceAddress("AccessRole", role.LogicalName), inputs, role.Location, $"accessRoles.{role.LogicalName}", Protected(stack, "AccessRole", role.LogicalName)));
        }

        foreach (var key in stack.AccessKeys)
        {
            var workspaces = Texts(key.Workspaces.Select(Interpolate));
            var inputs = Inputs(
                ("name", Text(key.Name)),
                ("description", Text(key.Description)),
                ("roleRefs", new ListInput(key.Roles.Select(r => (InputExpression)Map(
                    ("id", new OutputReference(new ResourceAddress("AccessRole", r.Name), "id")),
                    ("type", Text("organization")),
                    ("workspaces", workspaces))).ToImmutableArray())));
            resources.Add(new ResourceDeclaration(new ResourceAddress("AccessKey", key.LogicalName), inputs, key.Location, $"accessKeys.{key.LogicalName}", Protected(stack, "AccessKey", key.LogicalName)));
        }

        foreach (var connector in stack.Connectors)
        {
            var path = $"connectors.{connector.LogicalName}";
            var inputs = Inputs(
                ("name", Text(connector.Name)),
                ("connectorTemplateRef", Text(connector.Template)),
                ("wabaId", Text(connector.WabaId)),
                ("phoneId", Text(connector.PhoneId)),
                ("phoneNumber", Text(connector.PhoneNumber)),
                ("mbPhoneId", connector.MbPhoneId is null ? null : Text(connector.MbPhoneId)),
                ("accessToken", Secret(connector.AccessToken, path + ".accessToken")));
            resources.Add(new ResourceDeclaration(new ResourceAddress("Connector", connector.LogicalName), inputs, connector.Location, path, Protected(stack, "Connector", connector.LogicalName)));
        }

        foreach (var webhook in stack.WebhookSubscriptions)
        {
            var path = $"webhookSubscriptions.{webhook.LogicalName}";
            var filters = webhook.EventFilters.Select(f => (InputExpression)Map(("key", Text(f.Key)), ("value", Text(f.Value)))).ToList();
            if (webhook.Channel is { } channel)
            {
                filters.Add(Map(("key", Text("channelId")), ("value", new OutputReference(new ResourceAddress("Connector", channel.Name), "channelId"))));
            }

            var inputs = Inputs(
                ("service", Text(webhook.Service)),
                ("event", Text(webhook.Event)),
                ("url", Text(webhook.Url)),
                ("eventFilters", new ListInput(filters.ToImmutableArray())),
                ("status", Text(webhook.Status)),
                ("signingKey", Secret(webhook.SigningKey, path + ".signingKey")));
            resources.Add(new ResourceDeclaration(new ResourceAddress("WebhookSubscription", webhook.LogicalName), inputs, webhook.Location, path, Protected(stack, "WebhookSubscription", webhook.LogicalName)));
        }

        return new DesiredGraph(DependencyOrder.Sort(resources, r => r.Address, r => r.Dependencies));
    }

    private static bool Protected(StackDefinition stack, string kind, string logicalName) =>
        stack.Guards.ProtectionOf(KindSections.SectionOf(kind), logicalName) is not null;

    private static LiteralInput Text(string value) => new(PropertyValue.String(value));

    private static LiteralInput Texts(IEnumerable<string> values) => new(PropertyValue.List(values.Select(PropertyValue.String)));

    private static MapInput Map(params (string Key, InputExpression Value)[] properties) =>
        new(properties.ToImmutableSortedDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));

    private static ImmutableSortedDictionary<string, InputExpression> Inputs(params (string Key, InputExpression? Value)[] properties) =>
        properties.Where(p => p.Value is not null).ToImmutableSortedDictionary(p => p.Key, p => p.Value!, StringComparer.Ordinal);
}
