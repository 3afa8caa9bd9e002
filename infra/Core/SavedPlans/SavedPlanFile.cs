using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using BirdInfra.Rendering;

namespace BirdInfra.SavedPlans;

/// <summary>
/// Writes and reads the saved plan document: <c>{format, version, stack, createdAt, stackFile: {sha256}, state: {lineage,
/// serial}, target: {organizationId, workspaceId}, allowDestructiveChanges, preview (the --json document, with its accessChanges), changes: [{kind,
/// name, type, action, reason, consequence, id, dependencies, deleteBeforeReplace, deposed, inputs, diffs}], liveObjects:
/// [{kind, name, id, sha256}]}</c>. No secret is written in plaintext.
/// </summary>
public static class SavedPlanFile
{
    /// <summary>The SHA-256 of the stack file; for a file that extends bases, of the file and each base in turn, so editing a base makes a plan stale too.</summary>
    public static string StackFileHash(string stackFile)
    {
        var files = Stacks.StackLoader.FilesOf(stackFile);
        if (files.Length == 1)
        {
            return Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(stackFile)));
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            hash.AppendData(SHA256.HashData(File.ReadAllBytes(file)));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public static string Write(
        Plan plan,
        GuardReport guards,
        string stackFileSha256,
        StackState recorded,
        StackState refreshed,
        string organizationId,
        string workspaceId,
        bool allowDestructiveChanges,
        DateTimeOffset now,
        IReadOnlyList<Access.AccessChange>? accessChanges = null)
    {
        var root = new JsonObject
        {
            ["format"] = SavedPlan.Format,
            ["version"] = SavedPlan.CurrentVersion,
            ["stack"] = plan.Stack,
            ["createdAt"] = now.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["stackFile"] = new JsonObject { ["sha256"] = stackFileSha256 },
            ["state"] = new JsonObject { ["lineage"] = IsNew(recorded) ? null : recorded.Lineage, ["serial"] = recorded.Serial },
            ["target"] = new JsonObject { ["organizationId"] = organizationId, ["workspaceId"] = workspaceId },
            ["allowDestructiveChanges"] = allowDestructiveChanges,
            ["preview"] = JsonNode.Parse(PlanJsonRenderer.Render(plan, guards, accessChanges)),
            ["changes"] = new JsonArray(plan.Changes.Select(Change).ToArray()),
            ["liveObjects"] = new JsonArray(LiveFingerprints.Of(recorded, refreshed).Select(f => (JsonNode)new JsonObject
            {
                ["kind"] = f.Address.Kind,
                ["name"] = f.Address.Name,
                ["id"] = f.Id,
                ["sha256"] = f.Sha256,
            }).ToArray()),
        };
        return root.ToJsonString(JsonText.Indented) + Environment.NewLine;
    }

    /// <summary>Reads a plan file; anything that is not one this version wrote is a <see cref="UserError"/>.</summary>
    public static SavedPlan Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new UserError($"No plan file {path}. Make one with `birdinfra preview --stack NAME --out {Path.GetFileName(path)}`.");
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out var format) || format.GetString() != SavedPlan.Format)
            {
                throw new UserError($"{path} is not a BirdInfra plan (written by `birdinfra preview --out`).");
            }

            if (root.GetProperty("version").GetInt32() != SavedPlan.CurrentVersion)
            {
                throw new UserError($"{path} is a version {root.GetProperty("version").GetInt32()} plan; this birdinfra reads version {SavedPlan.CurrentVersion}. Make the plan again with this version.");
            }

            var state = root.GetProperty("state");
            var target = root.GetProperty("target");
            return new SavedPlan(
                root.GetProperty("stack").GetString()!,
                root.GetProperty("createdAt").GetDateTimeOffset(),
                root.GetProperty("stackFile").GetProperty("sha256").GetString()!,
                state.GetProperty("lineage").GetString(),
                state.GetProperty("serial").GetInt64(),
                target.GetProperty("organizationId").GetString()!,
                target.GetProperty("workspaceId").GetString()!,
                root.GetProperty("allowDestructiveChanges").GetBoolean(),
                [.. root.GetProperty("changes").EnumerateArray().Select(ReadChange)],
                [.. root.GetProperty("liveObjects").EnumerateArray().Select(o => new LiveFingerprint(
                    new ResourceAddress(o.GetProperty("kind").GetString()!, o.GetProperty("name").GetString()!),
                    o.GetProperty("id").GetString()!,
                    o.GetProperty("sha256").GetString()))]);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new UserError($"{path} is not a readable BirdInfra plan ({e.Message}). Make the plan again with `birdinfra preview --out`.");
        }
    }

    /// <summary>No state written yet: each run starts a new lineage until the first write, so the plan records none.</summary>
    public static bool IsNew(StackState state) => state.Serial == 0 && state.Resources.IsEmpty && state.Pending.IsEmpty;

    private static JsonNode Change(PlannedChange change) => new JsonObject
    {
        ["kind"] = change.Address.Kind,
        ["name"] = change.Address.Name,
        ["type"] = change.TypeToken,
        ["action"] = change.Action.Word(),
        ["reason"] = change.Reason,
        ["consequence"] = change.Consequence,
        ["id"] = change.Current?.Id,
        ["dependencies"] = new JsonArray(change.Dependencies.Select(d => (JsonNode)JsonValue.Create(d.ToString())).ToArray()),
        ["deleteBeforeReplace"] = change.DeleteBeforeReplace,
        ["deposed"] = change.Deposed,
        ["inputs"] = change.DesiredInputs is null ? null : PlanValueJson.ToJson(change.DesiredInputs),
        ["diffs"] = new JsonArray(change.Changes.Select(d => (JsonNode)new JsonObject
        {
            ["path"] = d.Path,
            ["old"] = PlanValueJson.ToJson(d.Old),
            ["new"] = PlanValueJson.ToJson(d.New),
            ["forcesReplacement"] = d.ForcesReplacement,
        }).ToArray()),
    };

    private static SavedChange ReadChange(JsonElement c)
    {
        var action = Enum.Parse<PlanAction>(c.GetProperty("action").GetString()!, ignoreCase: true);
        var inputs = c.GetProperty("inputs");
        return new SavedChange(
            new ResourceAddress(c.GetProperty("kind").GetString()!, c.GetProperty("name").GetString()!),
            c.GetProperty("type").GetString()!,
            action,
            c.GetProperty("reason").GetString()!,
            c.GetProperty("consequence").GetString(),
            c.GetProperty("id").GetString(),
            [.. c.GetProperty("dependencies").EnumerateArray().Select(d => ResourceAddress.Parse(d.GetString()!))],
            c.GetProperty("deleteBeforeReplace").GetBoolean(),
            c.GetProperty("deposed").GetBoolean(),
            inputs.ValueKind == JsonValueKind.Null ? null : inputs.Clone(),
            [.. c.GetProperty("diffs").EnumerateArray().Select(d => new PropertyDiff(
                d.GetProperty("path").GetString()!,
                PlanValueJson.ForDisplay(d.GetProperty("old")),
                PlanValueJson.ForDisplay(d.GetProperty("new")),
                d.GetProperty("forcesReplacement").GetBoolean()))]);
    }
}
