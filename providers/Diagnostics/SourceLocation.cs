namespace BirdInfra.Providers.Diagnostics;

/// <summary>A position in a stack file; line and column are 1-based, column counts characters.</summary>
public sealed record SourceLocation(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}
