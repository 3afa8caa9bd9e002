
namespace BirdInfra.Emulator.Store;

/// <summary>Checks that the organization / workspace named in a path exists, the 404s every nested endpoint shares.</summary>
internal static class Scope
{
    public static ApiError? Organization(EmulatorState state, string organizationId) =>
        string.Equals(organizationId, state.Bootstrap.OrganizationId, StringComparison.Ordinal)
            ? null
            : ApiError.NotFound("organization");

    public static ApiError? Workspace(EmulatorState state, string workspaceId) =>
        state.Workspaces.ContainsKey(workspaceId) ? null : ApiError.NotFound("workspace");

    public static ApiError? Workspace(EmulatorState state, string organizationId, string workspaceId) =>
        Organization(state, organizationId) ?? Workspace(state, workspaceId);
}
