
namespace BirdInfra.Emulator.Paging;

/// <summary>How every list endpoint answers: the paging query (400 when bad), the path's scope (404), then one page.</summary>
internal static class ListEndpoint
{
    public static IResult Answer<TItem, TView>(
        HttpRequest request,
        EmulatorStore store,
        Func<EmulatorState, ApiError?> scope,
        Func<EmulatorState, IEnumerable<TItem>> items,
        Func<TItem, DateTimeOffset> createdAt,
        Func<TItem, string> id,
        Func<EmulatorState, TItem, TView> view)
    {
        var paging = PageRequest.Parse(request.Query);
        return paging.Error is { } bad ? ApiResults.Error(bad) : ApiResults.From(store.Read<Outcome<Page<TView>>>(state =>
            scope(state) is { } missing ? missing
            : Paginator.Paginate(items(state), createdAt, id, paging.Value!, item => view(state, item))));
    }
}
