using System.Text.Json;

namespace BirdInfra.Providers.Client;

/// <summary>Bird's error body <c>{code, message, details}</c>; every field optional, details kept raw.</summary>
internal sealed record BirdErrorBody(string? Code, string? Message, JsonElement? Details);
