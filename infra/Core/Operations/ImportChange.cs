using BirdInfra.Import;

namespace BirdInfra.Operations;

/// <summary>`import`: record the adopted entries of <paramref name="Plan"/> as owned (confirmed; nothing is sent to Bird).</summary>
public sealed record ImportChange(ImportPlan Plan) : StackChange("import");
