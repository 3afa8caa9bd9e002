namespace BirdInfra.Providers.Stacks.Yaml;

public sealed record MappingEntry(ScalarNode Key, StackNode Value);
