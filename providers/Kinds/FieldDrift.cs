
namespace BirdInfra.Providers.Kinds;

/// <summary>
/// What a change Bird holds to a field means to an auditor reading <c>drift</c>: a field that moves traffic (messages or
/// events go somewhere else, or stop) is a warning, one that grants access is critical. A field without one is info.
/// </summary>
/// <param name="Severity">The severity of a change to the field.</param>
/// <param name="Applies">When set, only a change it accepts (expected, actual) has <paramref name="Severity"/>; any other is info.</param>
public sealed record FieldDrift(DriftSeverity Severity, Func<PropertyValue?, PropertyValue?, bool>? Applies = null)
{
    /// <summary>A change sends messages or events somewhere else (or stops them).</summary>
    public static FieldDrift MovesTraffic { get; } = new(DriftSeverity.Warning);

    /// <summary>A change may give a key more access.</summary>
    public static FieldDrift GrantsAccess { get; } = new(DriftSeverity.Critical);

    /// <summary>A change gives a key more access only when <paramref name="widens"/> says so (expected, actual).</summary>
    public static FieldDrift GrantsAccessWhen(Func<PropertyValue?, PropertyValue?, bool> widens) => new(DriftSeverity.Critical, widens);

    /// <summary>The severity of the change from <paramref name="expected"/> to <paramref name="actual"/>.</summary>
    public DriftSeverity Of(PropertyValue? expected, PropertyValue? actual) =>
        Applies is null || Applies(expected, actual) ? Severity : DriftSeverity.Info;
}
