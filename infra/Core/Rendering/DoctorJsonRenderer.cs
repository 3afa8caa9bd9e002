using System.Text.Json.Nodes;
using BirdInfra.Doctor;

namespace BirdInfra.Rendering;

/// <summary><c>doctor --format json</c>: <c>{"checks": [{name, status, detail, fix}], "missingPermissions": [{action, resource}]}</c>.</summary>
public static class DoctorJsonRenderer
{
    public static string Render(DoctorReport report)
    {
        var checks = new JsonArray();
        foreach (var check in report.Checks)
        {
            checks.Add(new JsonObject
            {
                ["name"] = check.Name,
                ["status"] = check.Status.ToString().ToLowerInvariant(),
                ["detail"] = check.Detail,
                ["fix"] = check.Fix,
            });
        }

        var missing = new JsonArray();
        foreach (var permission in report.MissingPermissions)
        {
            missing.Add(new JsonObject { ["action"] = permission.Action, ["resource"] = permission.Resource });
        }

        return new JsonObject { ["checks"] = checks, ["missingPermissions"] = missing }.ToJsonString(JsonText.Indented);
    }
}
