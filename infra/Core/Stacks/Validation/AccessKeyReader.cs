using BirdInfra.Providers.Stacks.Model;
using BirdInfra.Providers.Stacks.Reading;
using BirdInfra.Providers.Stacks;
using System.Collections.Immutable;
using BirdInfra.Providers.Diagnostics;
using BirdInfra.Providers.Rules;
using BirdInfra.Stacks.Model;
using BirdInfra.Providers.Stacks.Yaml;

namespace BirdInfra.Stacks.Validation;

/// <summary>Reads an entry of <c>accessKeys</c>.</summary>
internal static class AccessKeyReader
{
    private static readonly string[] WorkspaceVariables = [StackInterpolation.WorkspaceId];

    public static AccessKeyDeclaration? Read(ValidationContext context, ScalarNode key, MappingNode body)
    {
        var reader = context.Reader;
        var owner = reader.At(key);
        reader.CheckKeys(body, StackKeys.AccessKey, $"access key '{Text.Shown(key.Value)}'");
        var name = CommonFields.Name(context, StackKeys.AccessKeys, key, body);
        var description = CommonFields.Description(context, body, required: true, owner);
        var roles = CommonFields.References(context, body, "roles", StackKeys.AccessRoles, owner);
        var workspaces = ImmutableArray.CreateBuilder<string>();
        var workspacesValid = true;
        if (FieldReader.Optional(body, "workspaces") is { } node)
        {
            if (reader.StringList(node, "workspaces: [\"${workspaceId}\"]", nonEmpty: false, allowInterpolation: true) is { } items)
            {
                foreach (var (workspace, item) in items)
                {
                    if (Workspace(context, workspace, item))
                    {
                        workspaces.Add(workspace);
                    }
                    else
                    {
                        workspacesValid = false;
                    }
                }
            }
            else
            {
                workspacesValid = false;
            }
        }

        return name is null || description is null || roles is null || !workspacesValid
            ? null
            : new AccessKeyDeclaration(
                key.Value,
                name,
                description,
                [.. roles.Select(r => new LogicalReference(r.Name, reader.At(r.Node)))],
                workspaces.ToImmutable(),
                owner);
    }

    private static bool Workspace(ValidationContext context, string workspace, StackNode node)
    {
        if (!CommonFields.Interpolation(context, workspace, node, WorkspaceVariables, "access key workspaces"))
        {
            return false;
        }

        if (workspace == "${workspaceId}" || BirdRules.Uuid(workspace) is null)
        {
            return true;
        }

        context.Reader.Report(
            DiagnosticCodes.InvalidUuid,
            $"'{Text.Shown(workspace)}' is neither a workspace UUID nor ${{workspaceId}}.",
            "Write \"${workspaceId}\" (the target's workspace, quoted) or a workspace UUID such as 3f2504e0-4f89-41d3-9a0c-0305e82c3301.",
            node);
        return false;
    }
}
