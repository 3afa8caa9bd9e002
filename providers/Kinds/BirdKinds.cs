using BirdInfra.Providers.AccessKey;
using BirdInfra.Providers.AccessPolicy;
using BirdInfra.Providers.AccessRole;
using BirdInfra.Providers.Connector;
using BirdInfra.Providers.WebhookSubscription;

namespace BirdInfra.Providers.Kinds;

/// <summary>The five Bird kinds, in dependency order (policy → role → key; connector → webhook subscriptions).</summary>
public static class BirdKinds
{
    /// <summary>The kinds with Bird's strict webhook URL rules; for what does not depend on the target (sections, ranks, schemas).</summary>
    public static readonly KindRegistry Default = CreateRegistry();

    public static KindRegistry CreateRegistry() => CreateRegistry(allowHttpLoopbackWebhooks: false);

    /// <param name="allowHttpLoopbackWebhooks">Accept http loopback webhook URLs; for stacks that target the emulator only.</param>
    public static KindRegistry CreateRegistry(bool allowHttpLoopbackWebhooks) => new(
    [
        new AccessPolicyKind(),
        new AccessRoleKind(),
        new AccessKeyKind(),
        new ConnectorKind(),
        new WebhookSubscriptionKind(allowHttpLoopbackWebhooks),
    ]);
}
