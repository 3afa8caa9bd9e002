
namespace BirdInfra.Stacks.Validation;

/// <summary>One entry as its section read it, its logical-name key, and what the kind's check found wrong with it.</summary>
internal sealed record CheckedEntry(StackSection Section, StackEntry Entry, ScalarNode Key, ImmutableArray<CheckFailure> Failures);
