using BirdInfra.Providers.Stacks.Reading;
using System.Collections.Immutable;
using BirdInfra.Stacks.Validation;

namespace BirdInfra.Graph;

/// <summary>The stack-file section that declares each resource kind: guards and protection name resources by section.</summary>
public static class KindSections
{
    private static readonly ImmutableDictionary<string, string> SectionByKind = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["AccessPolicy"] = StackKeys.AccessPolicies,
        ["AccessRole"] = StackKeys.AccessRoles,
        ["AccessKey"] = StackKeys.AccessKeys,
        ["Connector"] = StackKeys.Connectors,
        ["WebhookSubscription"] = StackKeys.WebhookSubscriptions,
    }.ToImmutableDictionary(StringComparer.Ordinal);

    public static string SectionOf(string kind) =>
        SectionByKind.TryGetValue(kind, out var section) ? section : throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a kind a stack file declares");
}
