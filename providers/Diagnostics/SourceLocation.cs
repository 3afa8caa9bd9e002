namespace BirdInfra.Providers.Diagnostics;

/// <summary>A position in a stack file; line and column are 1-based, column counts characters.</summary>
public sealed record SourceLocation(string File, int Line, int Column)
{
    /// <summary>For a value written in a base file (<c>extends</c>): the stack file that extends it, else null.</summary>
    public string? ExtendedBy { get; init; }

    public override string ToString() => $"{File}:{Line}:{Column}";
}
