namespace BirdInfra.Guards;

/// <summary>Which guard a violation breaks.</summary>
public enum GuardRule
{
    /// <summary>A protected resource would be deleted or replaced; no flag overrides this.</summary>
    Protected,

    /// <summary>More deletions and replacements than guards.maxDestructiveChanges; --allow-destructive-changes goes past it.</summary>
    MaxDestructiveChanges,
}
