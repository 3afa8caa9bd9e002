using System.Text.Json;
using System.Text.Json.Nodes;
using BirdInfra.Providers.Schema;

namespace BirdInfra.PulumiPlugin.Provider;

/// <summary>
/// Builds the Pulumi package schema for <c>bird</c> from the kinds' own <see cref="KindSchema"/>: one resource per kind,
/// object-typed properties as named types (<c>bird:index:&lt;Kind&gt;&lt;Property&gt;</c>), allowed values in descriptions,
/// secrets flagged. Bird's id is the resource id, so it is not repeated as a property.
/// </summary>
public static class PackageSchemaBuilder
{
    public const string PackageName = "bird";

    public static string Build(KindRegistry registry, string version)
    {
        var types = new JsonObject();
        var resources = new JsonObject();
        foreach (var kind in registry.All)
        {
            var outputs = kind.Schema.Outputs.Where(p => p.Name != "id").ToList();
            resources[kind.TypeToken] = new JsonObject
            {
                ["description"] = kind.Schema.Description,
                ["inputProperties"] = Properties(kind.Schema.Inputs, kind.Name, types),
                ["requiredInputs"] = Names(kind.Schema.Inputs.Where(p => p.Required)),
                ["properties"] = Properties(outputs, kind.Name, types),
                ["required"] = Names(outputs.Where(p => p.Required)),
            };
        }

        var config = new JsonObject();
        foreach (var key in ProviderConfigKeys.All)
        {
            config[key.Name] = ConfigProperty(key);
        }

        var providerInputs = new JsonObject();
        foreach (var key in ProviderConfigKeys.All)
        {
            providerInputs[key.Name] = ConfigProperty(key);
        }

        var schema = new JsonObject
        {
            ["name"] = PackageName,
            ["displayName"] = "Bird",
            ["version"] = version,
            ["description"] = "Bird (bird.com) IAM policies, roles and access keys, WhatsApp connectors and webhook subscriptions, managed by BirdInfra's providers.",
            ["keywords"] = new JsonArray("pulumi", "bird", "whatsapp", "category/infrastructure", "kind/native"),
            ["homepage"] = "https://bird.com",
            ["publisher"] = "BirdInfra",
            ["config"] = new JsonObject { ["variables"] = config },
            ["provider"] = new JsonObject
            {
                ["description"] = "The Bird provider: which Bird API, organization and workspace to manage, and the access key to do it with.",
                ["inputProperties"] = providerInputs,
            },
            ["types"] = types,
            ["resources"] = resources,
        };
        return schema.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static JsonObject ConfigProperty(ConfigKey key)
    {
        var property = new JsonObject
        {
            ["type"] = key.Type,
            ["description"] = $"{key.Description} Environment fallback: {key.EnvironmentVariable}.",
        };
        if (key.Secret)
        {
            property["secret"] = true;
        }

        return property;
    }

    private static JsonArray Names(IEnumerable<PropertySchema> properties) => new(properties.Select(p => (JsonNode)JsonValue.Create(p.Name)!).ToArray());

    private static JsonObject Properties(IEnumerable<PropertySchema> properties, string owner, JsonObject types)
    {
        var result = new JsonObject();
        foreach (var property in properties)
        {
            var node = TypeNode(property.Type, owner + Pascal(property.Name), types);
            node["description"] = Describe(property.Description, property.Type);
            if (property.Secret)
            {
                node["secret"] = true;
            }

            if (property.ReplaceOnChange)
            {
                node["replaceOnChanges"] = true;
            }

            result[property.Name] = node;
        }

        return result;
    }

    private static JsonObject TypeNode(PropertyType type, string typeName, JsonObject types)
    {
        switch (type.Kind)
        {
            case "array":
                return new JsonObject { ["type"] = "array", ["items"] = TypeNode(type.Items ?? PropertyType.String, Singular(typeName), types) };
            case "object":
                var token = $"{PackageName}:index:{typeName}";
                if (!types.ContainsKey(token))
                {
                    var props = type.Properties.IsDefault ? [] : type.Properties;
                    types[token] = new JsonObject
                    {
                        ["type"] = "object",
                        ["properties"] = Properties(props, typeName, types),
                        ["required"] = Names(props.Where(p => p.Required)),
                    };
                }

                return new JsonObject { ["$ref"] = $"#/types/{token}" };
            default:
                return new JsonObject { ["type"] = type.Kind };
        }
    }

    private static string Describe(string description, PropertyType type)
    {
        var values = type.Kind == "array" ? type.Items?.Enum ?? default : type.Enum;
        return values.IsDefaultOrEmpty ? description : $"{description} Allowed values: {string.Join(", ", values)}.";
    }

    private static string Pascal(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..];

    private static string Singular(string name) =>
        name.EndsWith("ies", StringComparison.Ordinal) ? name[..^3] + "y"
        : name.EndsWith('s') ? name[..^1]
        : name + "Item";
}
