namespace BirdInfra.Providers.StackFiles.Writing;

/// <summary>A value of a stack file BirdInfra writes (<c>birdinfra export</c>): a scalar, a sequence or a mapping.</summary>
public abstract record YamlOut;
