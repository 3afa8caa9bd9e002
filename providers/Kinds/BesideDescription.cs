namespace BirdInfra.Providers.Kinds;

/// <summary>An object beside the stack as its kind describes it (<see cref="IBesideStack"/>).</summary>
/// <param name="Name">What the object is called in the report (its Bird-side name, usually).</param>
/// <param name="Detail">What it is or does, in one line.</param>
/// <param name="DeployKey">The credential the target authenticates with: reported, but expected.</param>
public sealed record BesideDescription(string Name, string Detail, DriftSeverity Severity, bool DeployKey = false)
{
    /// <summary>What drift says of an object whose kind declares nothing: its name (its id when it has none), info.</summary>
    public static BesideDescription Default(ResourceSnapshot live) => new(NameOf(live), string.Empty, DriftSeverity.Info);

    /// <summary>The object's Bird-side name, its id when it has none.</summary>
    public static string NameOf(ResourceSnapshot live) => live.Inputs.GetString(KindField.NameKey) ?? live.Id;
}
