using System.Text.RegularExpressions;

namespace BirdInfra.Stacks.Validation;

/// <summary>
/// Reads the optional <c>state</c> setting: <c>{ backend: local }</c> (the default) or
/// <c>{ backend: postgres, connection: { env: BIRDINFRA_STATE_DB }, schema: birdinfra }</c>. The connection string is a
/// secret (never literal). Returns null when something is wrong.
/// </summary>
internal static partial class StateReader
{
    private const string Example = "state: { backend: postgres, connection: { env: BIRDINFRA_STATE_DB } }";

    public static StateBackendDefinition? Read(FieldReader reader, SourceReader sources, MappingNode top)
    {
        if (FieldReader.Optional(top, StackKeys.State) is not { } node)
        {
            return StateBackendDefinition.Local;
        }

        if (reader.Mapping(node, StackKeys.State, $"Write {Example}, or leave it out to keep state in .birdinfra/ on this machine.") is not { } body)
        {
            return null;
        }

        reader.CheckKeys(body, StackKeys.StateKeys, StackKeys.State);
        var backend = StateBackendDefinition.LocalBackend;
        var backendNode = FieldReader.Optional(body, "backend");
        if (backendNode is not null)
        {
            if (reader.String(backendNode, "backend: postgres") is not { } text)
            {
                return null;
            }

            if (text is not (StateBackendDefinition.LocalBackend or StateBackendDefinition.PostgresBackend))
            {
                reader.Report(
                    DiagnosticCodes.InvalidStateSetting,
                    $"'{Text.Shown(text)}' is not a state backend.",
                    "Use backend: local (state in .birdinfra/ on this machine, the default) or backend: postgres (shared by a team).",
                    backendNode);
                return null;
            }

            backend = text;
        }

        var connectionNode = FieldReader.Optional(body, "connection");
        var schemaNode = FieldReader.Optional(body, "schema");
        if (backend == StateBackendDefinition.LocalBackend)
        {
            var valid = true;
            foreach (var (field, extra) in new[] { ("connection", connectionNode), ("schema", schemaNode) })
            {
                if (extra is not null)
                {
                    reader.Report(
                        DiagnosticCodes.InvalidStateSetting,
                        $"'{field}' is a setting of backend: postgres; local state has none.",
                        $"Remove '{field}', or write backend: postgres to keep the state in PostgreSQL.",
                        extra);
                    valid = false;
                }
            }

            return valid ? StateBackendDefinition.Local : null;
        }

        var ok = true;
        SecretSource? connection = null;
        if (connectionNode is null)
        {
            reader.Report(
                DiagnosticCodes.InvalidStateSetting,
                "backend: postgres needs the connection string of the database.",
                $"Add connection: {{ env: {StateBackendDefinition.ConnectionVariable} }} and set {StateBackendDefinition.ConnectionVariable}, e.g. Host=db.internal;Username=birdinfra;Password=…;Database=birdinfra.",
                backendNode ?? node);
            ok = false;
        }
        else
        {
            connection = sources.Secret(connectionNode, StateBackendDefinition.ConnectionVariable, "A generated connection string cannot reach a database: write { env: BIRDINFRA_STATE_DB }.");
            ok &= connection is not null;
        }

        var schema = StateBackendDefinition.DefaultSchema;
        if (schemaNode is not null)
        {
            var text = reader.String(schemaNode, "schema: birdinfra");
            if (text is not null && SchemaName().IsMatch(text))
            {
                schema = text;
            }
            else if (text is null)
            {
                ok = false;
            }
            else
            {
                reader.Report(
                    DiagnosticCodes.InvalidStateSetting,
                    "schema must be a PostgreSQL schema name: a lower-case letter or '_', then lower-case letters, digits or '_', at most 63 characters.",
                    "Write e.g. schema: birdinfra (one schema can hold the state of many stacks).",
                    schemaNode);
                ok = false;
            }
        }

        return ok ? new StateBackendDefinition(backend, connection, schema) : null;
    }

    /// <summary>A PostgreSQL schema name BirdInfra accepts (the stack schema says the same).</summary>
    internal const string SchemaNamePattern = "^[a-z_][a-z0-9_]{0,62}$";

    [GeneratedRegex(SchemaNamePattern, RegexOptions.CultureInvariant)]
    private static partial Regex SchemaName();
}
