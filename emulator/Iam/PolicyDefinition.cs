using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace BirdInfra.Emulator.Iam;

/// <summary>One access rule of a policy: effect, actions and resource patterns (fact sheet §2.3).</summary>
public sealed record PolicyDefinition(
    string Effect,
    IReadOnlyList<string> Actions,
    IReadOnlyList<string> Resources,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonArray? ConditionsAll);
