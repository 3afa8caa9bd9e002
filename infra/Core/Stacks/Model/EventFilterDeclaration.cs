using BirdInfra.Diagnostics;

namespace BirdInfra.Stacks.Model;

public sealed record EventFilterDeclaration(string Key, string Value, SourceLocation Location);
