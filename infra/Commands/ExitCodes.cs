namespace BirdInfra.Commands;

public static class ExitCodes
{
    public const int Success = 0;
    public const int Error = 1;

    /// <summary>`preview --detailed-exitcode`: the plan has changes.</summary>
    public const int Changes = 2;
}
