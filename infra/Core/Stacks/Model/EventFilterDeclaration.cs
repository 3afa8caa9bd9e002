using BirdInfra.Providers.Diagnostics;

namespace BirdInfra.Stacks.Model;

public sealed record EventFilterDeclaration(string Key, string Value, SourceLocation Location);
