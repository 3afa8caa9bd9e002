namespace BirdInfra.Providers.Stacks.Yaml;

internal sealed record MappingEntry(ScalarNode Key, StackNode Value);
