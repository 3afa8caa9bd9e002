using BirdInfra.Providers.Stacks.Reading;
using BirdInfra.Providers.Stacks;
using System.Collections.Immutable;
using BirdInfra.Providers.Diagnostics;
using BirdInfra.Providers.Rules;
using BirdInfra.Stacks.Model;
using BirdInfra.Providers.Stacks.Yaml;

namespace BirdInfra.Stacks.Validation;

/// <summary>Reads an entry of <c>accessPolicies</c>.</summary>
internal static class PolicyReader
{
    private const string DefinitionExample = "- { effect: allow, actions: [view], resources: [/workspaces/*/channels/*] }";
    private static readonly string[] ResourceVariables = [StackInterpolation.OrganizationId, StackInterpolation.WorkspaceId];

    public static PolicyDeclaration? Read(ValidationContext context, ScalarNode key, MappingNode body)
    {
        var reader = context.Reader;
        var owner = reader.At(key);
        reader.CheckKeys(body, StackKeys.Policy, $"access policy '{Text.Shown(key.Value)}'");
        var name = CommonFields.Name(context, StackKeys.AccessPolicies, key, body);
        var description = CommonFields.Description(context, body, required: false, owner);
        var definitions = ImmutableArray.CreateBuilder<PolicyDefinition>();
        var complete = true;
        if (reader.Required(body, "definitions", owner, $"Add the policy's rules, e.g. definitions: [{DefinitionExample[2..]}].") is { } node
            && reader.List(node, DefinitionExample, nonEmpty: true) is { } items)
        {
            foreach (var item in items)
            {
                if (ReadDefinition(context, item) is { } definition)
                {
                    definitions.Add(definition);
                }
                else
                {
                    complete = false;
                }
            }
        }
        else
        {
            complete = false;
        }

        return name is null || !complete
            ? null
            : new PolicyDeclaration(key.Value, name, description, definitions.ToImmutable(), owner);
    }

    private static PolicyDefinition? ReadDefinition(ValidationContext context, StackNode item)
    {
        var reader = context.Reader;
        if (reader.Mapping(item, "A policy definition", $"Write {DefinitionExample}.") is not { } body)
        {
            return null;
        }

        var owner = reader.At(body);
        reader.CheckKeys(body, StackKeys.PolicyDefinition, "a policy definition");
        string? effect = null;
        if (reader.Required(body, "effect", owner, "Add effect: allow (or deny).") is { } effectNode
            && reader.String(effectNode, "effect: allow") is { } effectText)
        {
            if (BirdRules.PolicyEffect(effectText) is { } violation)
            {
                reader.Report(DiagnosticCodes.InvalidEffect, violation.Message, violation.Hint, effectNode);
            }
            else
            {
                effect = effectText;
            }
        }

        var actions = ImmutableArray.CreateBuilder<string>();
        var actionsValid = false;
        if (reader.Required(body, "actions", owner, "Add actions, e.g. actions: [view].") is { } actionsNode
            && reader.StringList(actionsNode, "actions: [view]", nonEmpty: true) is { } actionItems)
        {
            actionsValid = true;
            foreach (var (action, node) in actionItems)
            {
                if (BirdRules.PolicyAction(action) is { } violation)
                {
                    reader.Report(DiagnosticCodes.InvalidAction, violation.Message, violation.Hint, node);
                    actionsValid = false;
                }
                else
                {
                    actions.Add(action);
                }
            }
        }

        var resources = ImmutableArray.CreateBuilder<string>();
        var resourcesValid = false;
        if (reader.Required(body, "resources", owner, "Add resources, e.g. resources: [/workspaces/*/channels/*].") is { } resourcesNode
            && reader.StringList(resourcesNode, "resources: [/workspaces/*/channels/*]", nonEmpty: true, allowInterpolation: true) is { } resourceItems)
        {
            resourcesValid = true;
            foreach (var (resource, node) in resourceItems)
            {
                if (ReadResource(context, resource, node))
                {
                    resources.Add(resource);
                }
                else
                {
                    resourcesValid = false;
                }
            }
        }

        return effect is null || !actionsValid || !resourcesValid
            ? null
            : new PolicyDefinition(effect, actions.ToImmutable(), resources.ToImmutable(), owner);
    }

    private static bool ReadResource(ValidationContext context, string resource, StackNode node)
    {
        if (!CommonFields.Interpolation(context, resource, node, ResourceVariables, "policy resources"))
        {
            return false;
        }

        // Check the path as it will be sent: the variables stand for UUIDs.
        var placeholder = Guid.Empty.ToString();
        if (BirdRules.ResourcePath(StackInterpolation.Interpolate(resource, placeholder, placeholder)) is { } violation)
        {
            context.Reader.Report(DiagnosticCodes.InvalidResourcePath, violation.Message.Replace(placeholder, "…", StringComparison.Ordinal), violation.Hint, node);
            return false;
        }

        return true;
    }
}
