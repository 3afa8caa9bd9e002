namespace BirdInfra.Providers.AccessEvaluation;

/// <summary>
/// One operation of Bird's API, for saying in words what a key can do: its area, method, path template
/// (<c>{organizationId}</c>, <c>{workspaceId}</c> and other <c>{…}</c> ids) and what it does, phrased to follow
/// "may" or "may not" (e.g. <c>send messages through a channel</c>).
/// </summary>
public sealed record BirdOperation(string Area, string Method, string Path, string Words)
{
    /// <summary>Whether the operation changes Bird (anything but a read).</summary>
    public bool Mutating => AccessActions.ForMethod(Method) is not "view";
}
