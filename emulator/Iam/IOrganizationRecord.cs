namespace BirdInfra.Emulator.Iam;

/// <summary>What an <see cref="OrganizationCollection{TRecord}"/> needs of its records: the id and the creation time (a list's order).</summary>
public interface IOrganizationRecord
{
    string Id { get; }

    DateTimeOffset CreatedAt { get; }
}
