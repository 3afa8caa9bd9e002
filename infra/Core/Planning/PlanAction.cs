namespace BirdInfra.Planning;

public enum PlanAction
{
    Same,
    Create,
    Update,
    Replace,
    Delete,
}
