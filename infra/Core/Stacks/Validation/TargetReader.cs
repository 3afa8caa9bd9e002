
namespace BirdInfra.Stacks.Validation;

/// <summary>
/// Reads <c>target</c>. <c>endpoint: emulator</c> means the embedded emulator, which supplies the ids and
/// the access key itself; any other endpoint is an https URL and needs all three.
/// </summary>
internal static class TargetReader
{
    public const string EmulatorWord = "emulator";

    private static readonly (string Field, string Example)[] RemoteFields =
    [
        ("organizationId", "organizationId: { env: BIRD_ORGANIZATION_ID }"),
        ("workspaceId", "workspaceId: { env: BIRD_WORKSPACE_ID }"),
        ("accessKey", "accessKey: { env: BIRD_ACCESS_KEY }"),
    ];

    /// <summary>The target (null when invalid) and whether it is the emulator (null when unknown).</summary>
    public static (TargetDefinition? Target, bool? UsesEmulator, bool AllowHttpWebhooks) Read(
        FieldReader reader, SourceReader sources, StackNode node, ScalarNode key)
    {
        if (reader.Mapping(node, "target", "Write target: { endpoint: https://api.bird.com, ... } or target: { endpoint: emulator }.") is not { } body)
        {
            return (null, null, false);
        }

        var owner = reader.At(key);
        reader.CheckKeys(body, StackKeys.TargetKeys, "target");
        var (endpoint, usesEmulator) = Endpoint(reader, body, owner);
        var allowHttp = false;
        var valid = usesEmulator is not null;
        if (FieldReader.Optional(body, "allowHttpWebhooks") is { } allowNode && reader.Boolean(allowNode) is { } allow)
        {
            allowHttp = allow;
            if (allow && usesEmulator == false)
            {
                reader.Report(
                    DiagnosticCodes.TargetFieldNotAllowed,
                    "allowHttpWebhooks is only allowed with endpoint: emulator.",
                    "Bird delivers webhooks over https only: remove allowHttpWebhooks and use https URLs.",
                    allowNode);
                valid = false;
            }
        }
        else if (FieldReader.Optional(body, "allowHttpWebhooks") is not null)
        {
            valid = false;
        }

        ValueSource? organizationId = null;
        ValueSource? workspaceId = null;
        SecretSource? accessKey = null;
        if (usesEmulator == true)
        {
            foreach (var (field, _) in RemoteFields)
            {
                if (body.Find(field) is { } entry)
                {
                    reader.Report(
                        DiagnosticCodes.TargetFieldNotAllowed,
                        $"'{field}' is not allowed with endpoint: emulator; the emulator provides it.",
                        $"Remove '{field}', or point endpoint at https://api.bird.com to use a real organization.",
                        entry.Key);
                    valid = false;
                }
            }
        }
        else if (usesEmulator == false)
        {
            foreach (var (field, example) in RemoteFields)
            {
                if (FieldReader.Optional(body, field) is null)
                {
                    var present = body.Find(field);
                    reader.Report(
                        DiagnosticCodes.TargetFieldRequired,
                        $"'{field}' is required when endpoint is a URL.",
                        $"Add {example}.",
                        present is null ? owner : reader.At(present.Key),
                        FieldReader.Join(body.Path, field));
                    valid = false;
                }
            }
        }

        if (usesEmulator != true)
        {
            if (FieldReader.Optional(body, "organizationId") is { } orgNode)
            {
                organizationId = sources.Uuid(orgNode, "BIRD_ORGANIZATION_ID");
                valid &= organizationId is not null;
            }

            if (FieldReader.Optional(body, "workspaceId") is { } wsNode)
            {
                workspaceId = sources.Uuid(wsNode, "BIRD_WORKSPACE_ID");
                valid &= workspaceId is not null;
            }

            if (FieldReader.Optional(body, "accessKey") is { } keyNode)
            {
                accessKey = KeySecret(reader, sources, keyNode);
                valid &= accessKey is not null;
            }
        }

        var target = valid ? new TargetDefinition(usesEmulator == true, endpoint, organizationId, workspaceId, accessKey, allowHttp) : null;
        return (target, usesEmulator, allowHttp);
    }

    private static SecretSource? KeySecret(FieldReader reader, SourceReader sources, StackNode node)
    {
        var secret = sources.Secret(node, "BIRD_ACCESS_KEY", "The Bird access key is issued by Bird and cannot be generated.");
        return secret;
    }

    private static (string? Endpoint, bool? UsesEmulator) Endpoint(FieldReader reader, MappingNode body, SourceLocation owner)
    {
        const string hint = "Write endpoint: https://api.bird.com, or endpoint: emulator for the embedded local emulator.";
        if (reader.Required(body, "endpoint", owner, hint) is not { } node || reader.String(node, "endpoint: https://api.bird.com") is not { } text)
        {
            return (null, null);
        }

        if (text == EmulatorWord)
        {
            return (null, true);
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
            && uri.Host.Length > 0
            && string.IsNullOrEmpty(uri.UserInfo)
            && string.IsNullOrEmpty(uri.Query)
            && string.IsNullOrEmpty(uri.Fragment)
            && !text.Any(char.IsWhiteSpace))
        {
            return (text.TrimEnd('/'), false);
        }

        reader.Report(DiagnosticCodes.InvalidEndpoint, $"'{Text.Shown(text)}' is neither 'emulator' nor an https URL (plain http is accepted only for a loopback address, such as a standalone emulator).", hint, node);
        return (null, null);
    }
}
