using System.Text.Json.Serialization;

namespace BirdInfra.Emulator.Paging;

/// <summary>Bird's list envelope; <c>nextPageToken</c> is omitted on the last page.</summary>
public sealed record Page<T>(
    IReadOnlyList<T> Results,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? NextPageToken);
