using System.Collections.Immutable;
using BirdInfra.Providers.Properties;

namespace BirdInfra.Drift;

/// <summary>
/// The severity of a finding, by the rule: critical for a key beside the stack or a change that gives a key more
/// access; warning for a deleted managed object or a change to where traffic goes; info otherwise. The rule names
/// properties of the Bird kinds, so it lives here, with the one command that grades findings.
/// </summary>
public static class DriftSeverities
{
    /// <summary>Properties whose change sends messages or events somewhere else (or stops them).</summary>
    private static readonly ImmutableDictionary<string, ImmutableHashSet<string>> TrafficPaths = new Dictionary<string, ImmutableHashSet<string>>
    {
        ["WebhookSubscription"] = ["url", "eventFilters", "status", "event", "service"],
        ["Connector"] = ["phoneNumber", "phoneId", "mbPhoneId", "wabaId", "connectorTemplateRef"],
    }.ToImmutableDictionary();

    public static DriftSeverity OfDeleted() => DriftSeverity.Warning;

    public static DriftSeverity OfChanges(string kind, IEnumerable<DriftChange> changes) =>
        changes.Select(c => OfChange(kind, c)).DefaultIfEmpty(DriftSeverity.Info).Max();

    /// <summary>An access key beside the stack is critical, except the deploy key, which the target needs.</summary>
    public static DriftSeverity OfBeside(string kind, bool deployKey) => kind switch
    {
        "AccessKey" => deployKey ? DriftSeverity.Info : DriftSeverity.Critical,

        // A subscription no stack owns sends the workspace's events to a URL nobody reviewed: where traffic goes.
        "WebhookSubscription" => DriftSeverity.Warning,
        _ => DriftSeverity.Info,
    };

    private static DriftSeverity OfChange(string kind, DriftChange change) => (kind, change.Path) switch
    {
        ("AccessKey", "roleRefs") => WidensKeyAccess(change.Expected, change.Actual) ? DriftSeverity.Critical : DriftSeverity.Info,

        // A managed policy's rows or a managed role's policies are on the chain of the stack's keys. Until the access
        // evaluator can tell a change that grants more from one that grants less, any such change counts as more access.
        ("AccessPolicy", "definitions") or ("AccessRole", "policies") => DriftSeverity.Critical,
        _ when TrafficPaths.TryGetValue(kind, out var paths) && paths.Contains(change.Path) => DriftSeverity.Warning,
        _ => DriftSeverity.Info,
    };

    /// <summary>
    /// True when Bird's role references give the key more than expected: a role it did not have, or a role's workspace
    /// scope widened (organization-wide where it was limited, or a workspace added).
    /// </summary>
    public static bool WidensKeyAccess(PropertyValue? expected, PropertyValue? actual)
    {
        var before = RoleRefs(expected);
        foreach (var (id, workspaces) in RoleRefs(actual))
        {
            var same = before.Where(b => b.Id == id).ToList();
            if (same.Count == 0)
            {
                return true;
            }

            // An empty list is "not limited": wider than any list of workspaces.
            var widened = same.All(b => b.Workspaces.Count > 0 && (workspaces.Count == 0 || !workspaces.IsSubsetOf(b.Workspaces)));
            if (widened)
            {
                return true;
            }
        }

        return false;
    }

    private static List<(string Id, ImmutableHashSet<string> Workspaces)> RoleRefs(PropertyValue? value) =>
        (value is { Kind: PropertyKind.List } list ? list.AsList() : [])
            .Where(r => r.Kind == PropertyKind.Map)
            .Select(r => r.AsMap())
            .Select(r => (
                r["id"] is { Kind: PropertyKind.String } id ? id.AsString() : string.Empty,
                (r["workspaces"] is { Kind: PropertyKind.List } w ? w.AsList() : [])
                    .Where(v => v.Kind == PropertyKind.String).Select(v => v.AsString()).ToImmutableHashSet(StringComparer.Ordinal)))
            .ToList();
}
