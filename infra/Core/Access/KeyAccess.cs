
namespace BirdInfra.Access;

/// <summary>A declared access key and what the evaluator needs of it: its roles, their scope and their policies' rules.</summary>
public sealed record KeyAccess(StackEntry Entry, AccessSubject Subject)
{
    public string Key => Entry.LogicalName;

    /// <summary>The workspace the key's roles are all scoped to, or null (organization-wide, or several).</summary>
    public string? SingleWorkspace => Subject.SingleWorkspace;
}
