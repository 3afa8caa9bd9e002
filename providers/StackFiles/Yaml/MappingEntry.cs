namespace BirdInfra.Providers.StackFiles.Yaml;

public sealed record MappingEntry(ScalarNode Key, StackNode Value);
