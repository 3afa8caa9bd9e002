namespace BirdInfra.Providers.Kinds;

public enum DiffOutcome
{
    Same,
    Update,
    Replace,
}
