
namespace BirdInfra.Providers.Kinds;

/// <summary>
/// Checks a stack's declarations of one kind against what Bird says it offers (the webhook catalogue), once per
/// <c>preview</c> or <c>up</c>, before anything is planned or sent. Reads only; what it finds is reported like a
/// stack-file problem (file:line:column, YAML path, hint).
/// </summary>
public interface ILiveCheck
{
    Task<ImmutableArray<LiveCheckFailure>> CheckAsync(ProviderContext context, ImmutableArray<StackEntry> entries, CancellationToken cancellationToken);
}
