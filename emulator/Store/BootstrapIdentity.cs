namespace BirdInfra.Emulator.Store;

/// <summary>The organization, workspace and admin key that exist from the first start; persisted so restarts print the same values.</summary>
public sealed record BootstrapIdentity(string OrganizationId, string WorkspaceId, string AdminAccessKey);
