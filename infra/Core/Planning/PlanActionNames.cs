namespace BirdInfra.Planning;

/// <summary>How a plan action is written everywhere it is shown or stored: its word and its symbol.</summary>
public static class PlanActionNames
{
    /// <summary>Lower case (<c>create</c>, <c>replace</c>, ...): plans, JSON, saved plans and history.</summary>
    public static string Word(this PlanAction action) => action.ToString().ToLowerInvariant();

    /// <summary>The column symbol of the text and markdown plans.</summary>
    public static string Symbol(this PlanAction action) => action switch
    {
        PlanAction.Create => "+",
        PlanAction.Update => "~",
        PlanAction.Replace => "-/+",
        PlanAction.Delete => "-",
        _ => " ",
    };
}
