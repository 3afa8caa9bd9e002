using BirdInfra.Providers.AccessKey;
using BirdInfra.Providers.AccessPolicy;
using BirdInfra.Providers.AccessRole;
using BirdInfra.Providers.Connector;
using BirdInfra.Providers.WebhookSubscription;

namespace BirdInfra.Providers.Kinds;

/// <summary>The five Bird kinds, in dependency order (policy → role → key; connector → webhook subscriptions).</summary>
public static class BirdKinds
{
    /// <summary>
    /// The registry hosts compose (the CLI, the Pulumi program, tests) and pass in; the engine never reads it itself. A
    /// stack's target adapts it through <see cref="KindRegistry.For"/> (e.g. http loopback webhooks on the emulator).
    /// </summary>
    public static readonly KindRegistry Default = CreateRegistry();

    public static KindRegistry CreateRegistry() => new(
    [
        new AccessPolicyKind(),
        new AccessRoleKind(),
        new AccessKeyKind(),
        new ConnectorKind(),
        new WebhookSubscriptionKind(),
    ]);
}
