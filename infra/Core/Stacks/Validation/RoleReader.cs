using BirdInfra.Providers.Stacks.Model;
using BirdInfra.Providers.Stacks.Reading;
using BirdInfra.Providers.Stacks;
using BirdInfra.Stacks.Model;
using BirdInfra.Providers.Stacks.Yaml;

namespace BirdInfra.Stacks.Validation;

/// <summary>Reads an entry of <c>accessRoles</c>.</summary>
internal static class RoleReader
{
    public static RoleDeclaration? Read(ValidationContext context, ScalarNode key, MappingNode body)
    {
        var reader = context.Reader;
        var owner = reader.At(key);
        reader.CheckKeys(body, StackKeys.Role, $"access role '{Text.Shown(key.Value)}'");
        var name = CommonFields.Name(context, StackKeys.AccessRoles, key, body);
        var description = CommonFields.Description(context, body, required: false, owner);
        var policies = CommonFields.References(context, body, "policies", StackKeys.AccessPolicies, owner);
        return name is null || policies is null
            ? null
            : new RoleDeclaration(key.Value, name, description, [.. policies.Select(p => new LogicalReference(p.Name, reader.At(p.Node)))], owner);
    }
}
