namespace BirdInfra.PulumiProgram;

/// <summary>A resource left unregistered because something it depends on failed (reported once, on that resource).</summary>
public sealed class DependencyFailedException(string what) : Exception($"{what} was not registered: a resource it depends on failed.")
{
    public string What { get; } = what;
}
