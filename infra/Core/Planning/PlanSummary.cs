namespace BirdInfra.Planning;

public sealed record PlanSummary(int Create, int Update, int Replace, int Delete, int Same)
{
    public bool HasChanges => Create + Update + Replace + Delete > 0;
}
