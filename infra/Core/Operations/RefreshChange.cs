namespace BirdInfra.Operations;

/// <summary>`refresh` and `drift --record`: record in state what the session's refresh found in Bird (nothing is sent to Bird).</summary>
public sealed record RefreshChange() : StackChange("refresh");
