
namespace BirdInfra.Providers.Kinds;

/// <summary>
/// What a section needs to write a live Bird object back as a stack entry (<c>birdinfra export</c>): the logical names
/// given to the other exported objects, for references, and the target's ids, to put <c>${organizationId}</c> and
/// <c>${workspaceId}</c> back.
/// </summary>
/// <param name="logicalName">(kind, Bird id) → the logical name export gave that object; null when it was not exported.</param>
/// <param name="logicalNameByReference">(kind, value) → the logical name of the exported object of that kind whose <see cref="IResourceKind.ReferenceOutput"/> has that value, e.g. a connector by its channel id.</param>
public sealed class ExportContext(
    string organizationId,
    string workspaceId,
    Func<string, string, string?> logicalName,
    Func<string, string, string?> logicalNameByReference)
{
    public string OrganizationId { get; } = organizationId;

    public string WorkspaceId { get; } = workspaceId;

    public string? LogicalName(string kind, string id) => logicalName(kind, id);

    /// <summary>The logical name of the exported <paramref name="kind"/> object whose reference output is <paramref name="value"/>.</summary>
    public string? LogicalNameByReference(string kind, string value) => logicalNameByReference(kind, value);

    /// <summary>An API path with the target's organization and workspace ids written as the stack's variables.</summary>
    public string Interpolated(string path) => string.Join('/', path.Split('/').Select(segment =>
        segment == OrganizationId ? $"${{{StackInterpolation.OrganizationId}}}"
        : segment == WorkspaceId ? $"${{{StackInterpolation.WorkspaceId}}}"
        : segment));
}
