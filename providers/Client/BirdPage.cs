namespace BirdInfra.Providers.Client;

/// <summary>Bird's list envelope: <c>{results, nextPageToken}</c>.</summary>
internal sealed record BirdPage<T>(IReadOnlyList<T>? Results, string? NextPageToken);
