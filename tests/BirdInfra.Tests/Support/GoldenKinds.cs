using BirdInfra.Providers.AccessKey;
using BirdInfra.Providers.AccessPolicy;
using BirdInfra.Providers.AccessRole;
using BirdInfra.Providers.Connector;
using BirdInfra.Providers.Kinds;
using BirdInfra.Providers.WebhookSubscription;

namespace BirdInfra.Tests.Support;

/// <summary>
/// The five kinds the golden files and literal kind lists were written for, as an explicit registry: a kind added to
/// <see cref="BirdKinds"/> leaves these expectations (and the golden files) as they are; tests over
/// <see cref="BirdKinds.Default"/> cover the kinds added since.
/// </summary>
public static class GoldenKinds
{
    public static readonly KindRegistry Five = new(
    [
        new AccessPolicyKind(),
        new AccessRoleKind(),
        new AccessKeyKind(),
        new ConnectorKind(),
        new WebhookSubscriptionKind(),
    ]);

    public static readonly string[] FiveNames = ["AccessPolicy", "AccessRole", "AccessKey", "Connector", "WebhookSubscription"];

    public static readonly string[] FiveOutputNames = ["accessKeyIds", "accessKeyTokens", "connectorIds", "channelIds", "webhookSubscriptionIds"];
}
