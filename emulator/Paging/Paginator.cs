namespace BirdInfra.Emulator.Paging;

/// <summary>Keyset pagination ordered by createdAt then id (ascending, or descending with <c>reverse</c>).</summary>
internal static class Paginator
{
    public static Page<TView> Paginate<TItem, TView>(
        IEnumerable<TItem> items,
        Func<TItem, DateTimeOffset> createdAt,
        Func<TItem, string> id,
        PageRequest request,
        Func<TItem, TView> view)
    {
        var keyed = items.Select(i => (Item: i, Ms: createdAt(i).ToUnixTimeMilliseconds(), Id: id(i)));
        var ordered = request.Reverse
            ? keyed.OrderByDescending(k => k.Ms).ThenByDescending(k => k.Id, StringComparer.Ordinal)
            : keyed.OrderBy(k => k.Ms).ThenBy(k => k.Id, StringComparer.Ordinal);

        var remaining = ordered.Where(k => request.After is not { } after || IsBeyond(k.Ms, k.Id, after, request.Reverse));
        var window = remaining.Take(request.Limit + 1).ToList();
        var page = window.Take(request.Limit).ToList();
        var next = window.Count > request.Limit ? new PageToken(page[^1].Ms, page[^1].Id).Encode() : null;
        return new Page<TView>(page.Select(k => view(k.Item)).ToList(), next);
    }

    private static bool IsBeyond(long ms, string id, PageToken after, bool reverse)
    {
        var cmp = ms != after.CreatedAtMs ? ms.CompareTo(after.CreatedAtMs) : string.CompareOrdinal(id, after.Id);
        return reverse ? cmp < 0 : cmp > 0;
    }
}
