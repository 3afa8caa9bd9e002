
namespace BirdInfra.Engine;

/// <summary>Connects a stack's target to a Bird. Hosts choose the factory: the CLI's also starts the embedded emulator.</summary>
public interface IBirdTargetFactory
{
    /// <param name="log">Receives one line per retried or failed HTTP attempt.</param>
    Task<BirdTarget> ConnectAsync(TargetDefinition target, StackPaths paths, Func<string, string?> environment, IProgress<string>? log, CancellationToken cancellationToken);
}
