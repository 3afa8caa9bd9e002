using System.Text.Json.Nodes;
using BirdInfra.Outputs;

namespace BirdInfra.Rendering;

/// <summary>
/// <c>birdinfra output --json</c>: one object whose keys are the output names, each an object logical name → value
/// (<c>{"accessKeyIds": {"contact-center": "…"}, …}</c>); with one output named, that output's object alone. Secrets
/// are <c>"[secret]"</c> unless shown; a value state lacks is <c>null</c> (the command says why on stderr).
/// </summary>
public static class OutputJsonRenderer
{
    public static string Render(ImmutableArray<StackOutputValues> outputs, bool showSecrets)
    {
        var root = new JsonObject();
        foreach (var output in outputs)
        {
            root[output.Name] = Values(output, showSecrets);
        }

        return root.ToJsonString(JsonText.Indented);
    }

    public static string RenderOne(StackOutputValues output, bool showSecrets) => Values(output, showSecrets).ToJsonString(JsonText.Indented);

    private static JsonObject Values(StackOutputValues output, bool showSecrets)
    {
        var values = new JsonObject();
        foreach (var entry in output.Entries)
        {
            values[entry.Resource] = entry.Value is null ? null : JsonValue.Create(OutputTextRenderer.Shown(entry.Value, showSecrets));
        }

        return values;
    }
}
