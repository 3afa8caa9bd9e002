using System.Text.Json.Nodes;
using BirdInfra.Doctor;

namespace BirdInfra.Rendering;

/// <summary><c>doctor --format json</c>: <c>{"checks": [{name, status, detail, fix}], "missingPermissions": [{action, resource}]}</c>.</summary>
public static class DoctorJsonRenderer
{
    public static string Render(DoctorReport report) =>
        new JsonObject
        {
            ["checks"] = new JsonArray([.. report.Checks.Select(Check)]),
            ["missingPermissions"] = new JsonArray([.. report.MissingPermissions.Select(p => new JsonObject { ["action"] = p.Action, ["resource"] = p.Resource })]),
        }.ToJsonString(JsonText.Indented);

    private static JsonObject Check(DoctorCheck check) => new()
    {
        ["name"] = check.Name,
        ["status"] = check.Status.ToString().ToLowerInvariant(),
        ["detail"] = check.Detail,
        ["fix"] = check.Fix,
    };
}
