
namespace BirdInfra.Providers.StackFiles.ValueSources;

/// <summary>A non-secret value written in the file (<see cref="Literal"/>) or read from an environment variable.</summary>
public sealed record ValueSource
{
    private ValueSource(string? literal, string? environmentVariable, SourceLocation location)
    {
        Literal = literal;
        EnvironmentVariable = environmentVariable;
        Location = location;
    }

    public string? Literal { get; }

    public string? EnvironmentVariable { get; }

    public SourceLocation Location { get; }

    public static ValueSource FromLiteral(string value, SourceLocation location) => new(value, null, location);

    public static ValueSource FromEnvironment(string name, SourceLocation location) => new(null, name, location);

    /// <summary>The value, or null when it comes from an environment variable that is not set.</summary>
    public string? Resolve(Func<string, string?> getEnvironmentVariable) =>
        Literal ?? (getEnvironmentVariable(EnvironmentVariable!) is { Length: > 0 } value ? value : null);

    public override string ToString() => Literal ?? $"{{ env: {EnvironmentVariable} }}";
}
