namespace BirdInfra.Rendering;

/// <summary>How `preview` prints a plan: for a terminal, as a pull-request comment, or for machines. All three render the same plan.</summary>
public enum PlanFormat
{
    Text,
    Markdown,
    Json,
}
