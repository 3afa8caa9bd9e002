namespace BirdInfra.Stacks.Yaml;

internal sealed record MappingEntry(ScalarNode Key, StackNode Value);
