
namespace BirdInfra.PulumiPlugin.Provider;

/// <summary>The resolved provider configuration. The access key prints as <c>[secret]</c>.</summary>
public sealed record ProviderSettings(Uri Endpoint, BirdAccessKey AccessKey, string OrganizationId, string WorkspaceId, TimeSpan LateOutputTimeout, TimeSpan RequestTimeout);
