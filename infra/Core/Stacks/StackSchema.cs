using System.Text.Json;
using System.Text.Json.Nodes;
using BirdInfra.Providers.Rules;
using BirdInfra.Rendering;
using BirdInfra.Stacks.Validation;

namespace BirdInfra.Stacks;

/// <summary>
/// Generates <c>stacks/stack.schema.json</c> (for editors) from the stack format's own parts and each kind's section
/// (its property in the file and its <c>$defs</c>). A test fails when the committed file differs from this.
/// </summary>
public static class StackSchema
{
    /// <summary>The stack schema's definition that bases and overlays use (<c>stacks/overlay.schema.json</c> refers to it).</summary>
    public const string OverlayDefinition = "overlay";

    private const string OverlayDescription =
        "A stack file that extends a base, or a base that others extend: any field may be left to the other file, and null removes a base's key. See stacks/README.md, Bases and overlays. `birdinfra validate --stack NAME` checks the effective stack.";

    // The limits and patterns are their owners' (BirdRules, the stack readers), written into the frame; the patterns
    // that name the sections are set by Generate.
    private static readonly string Frame = $$"""
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$id": "https://github.com/birdinfra/birdinfra/stacks/stack.schema.json",
          "title": "BirdInfra stack file",
          "description": "One environment of Bird resources for a WhatsApp contact center. See stacks/README.md. `birdinfra validate --stack NAME` checks more than this schema can (references, Bird's rules, environment variables).",
          "type": "object",
          "additionalProperties": false,
          "required": [
            "target"
          ],
          "properties": {
            "target": {
              "$ref": "#/$defs/target"
            },
            "guards": {
              "description": "Production guards: resources that up and destroy never delete or replace, and how many deletions plus replacements one up may do.",
              "type": [
                "object",
                "null"
              ],
              "additionalProperties": false,
              "properties": {
                "protect": {
                  "description": "Sections (accessKeys, connectors, ...) and addresses of declared resources (connectors.sales-number) to protect.",
                  "type": "array",
                  "uniqueItems": true,
                  "items": {
                    "type": "string",
                    "pattern": "SECTIONS"
                  }
                },
                "maxDestructiveChanges": {
                  "description": "Deletions plus replacements one up may do; --allow-destructive-changes goes past it. No limit when absent.",
                  "type": "integer",
                  "minimum": 0
                },
                "accessGains": {
                  "description": "When a plan gives an access key more access (an allow row, or an operation it may now do): warn (preview and up say so) or block (preview and up exit 1 before anything is sent). Off when absent.",
                  "enum": ["warn", "block"]
                }
              }
            },
            "extends": {
              "description": "A base stack file this one is laid over (a path relative to this file): maps merge by key, a list replaces the base's, null removes a key. See stacks/README.md, Bases and overlays.",
              "type": "string",
              "minLength": 1
            },
            "compare": {
              "description": "Differences with another stack that `birdinfra compare` expects: <section>.<name glob> (a resource only one side has) or <section>.<name glob>.<property glob>.",
              "type": "object",
              "additionalProperties": false,
              "properties": {
                "expect": {
                  "type": "array",
                  "items": { "type": "string", "pattern": "SECTIONS" }
                }
              }
            },
            "state": {
              "description": "Where the built-in engine keeps state, lock and history: local (.birdinfra/<stack>/ on this machine, the default) or postgres (shared by a team).",
              "type": "object",
              "additionalProperties": false,
              "properties": {
                "backend": { "enum": ["local", "postgres"], "default": "local" },
                "connection": { "$ref": "#/$defs/secret", "description": "postgres only: the connection string, a secret, e.g. { env: BIRDINFRA_STATE_DB }." },
                "schema": { "description": "postgres only: the schema holding the tables (default birdinfra).", "type": "string", "pattern": {{JsonSerializer.Serialize(StateReader.SchemaNamePattern)}}, "default": "birdinfra" }
              },
              "if": { "properties": { "backend": { "const": "postgres" } }, "required": ["backend"] },
              "then": { "required": ["connection"] },
              "else": { "not": { "anyOf": [{ "required": ["connection"] }, { "required": ["schema"] }] } }
            },
            "drift": {
              "description": "What `birdinfra drift` expects beside the stack: objects to ignore (counted, not reported) and stacks sharing the organization or workspace, whose objects are theirs. Never sent to Bird.",
              "type": ["object", "null"],
              "additionalProperties": false,
              "properties": {
                "ignore": {
                  "description": "Objects expected beside the stack: a kind with a name glob ('*' any run of characters) or a Bird id.",
                  "type": "array",
                  "items": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["kind"],
                    "properties": {
                      "kind": { "enum": ["KINDS"] },
                      "name": { "type": "string", "minLength": 1 },
                      "id": { "type": "string", "minLength": 1 }
                    },
                    "oneOf": [{ "required": ["name"] }, { "required": ["id"] }]
                  }
                },
                "stacks": {
                  "description": "Stack files beside this one (names without .yaml) sharing its organization or workspace; their state is read, never locked or written.",
                  "type": "array",
                  "uniqueItems": true,
                  "items": { "type": "string", "minLength": 1 }
                }
              }
            }
          },
          "$defs": {
            "protect": {
              "description": "true: up and destroy never delete or replace this resource. false: unprotected even when guards.protect lists its section.",
              "type": "boolean"
            },
            "logicalName": {
              "description": "Lower-case letter, then lower-case letters, digits and '-'; at most 63 characters.",
              "type": "string",
              "pattern": {{JsonSerializer.Serialize("^" + StackValidator.LogicalNameText + "$")}}
            },
            "birdName": {
              "type": "string",
              "minLength": {{BirdRules.MinNameLength}},
              "maxLength": {{BirdRules.MaxNameLength}}
            },
            "uuid": {
              "type": "string",
              "pattern": {{JsonSerializer.Serialize(BirdRules.UuidPattern)}}
            },
            "environmentVariable": {
              "type": "string",
              "pattern": {{JsonSerializer.Serialize(SourceReader.EnvironmentVariablePatternText)}}
            },
            "fromEnvironment": {
              "description": "A value read from an environment variable.",
              "type": "object",
              "additionalProperties": false,
              "required": [
                "env"
              ],
              "properties": {
                "env": {
                  "$ref": "#/$defs/environmentVariable"
                }
              }
            },
            "uuidOrEnvironment": {
              "oneOf": [
                {
                  "$ref": "#/$defs/uuid"
                },
                {
                  "$ref": "#/$defs/fromEnvironment"
                }
              ]
            },
            "secret": {
              "description": "Never a literal: { env: NAME } (optional config: Pulumi config key, used in Pulumi mode when the variable is unset) or { generate: true } (optional length 16..128, default 32).",
              "type": "object",
              "additionalProperties": false,
              "properties": {
                "env": {
                  "$ref": "#/$defs/environmentVariable"
                },
                "config": {
                  "type": "string",
                  "pattern": {{JsonSerializer.Serialize(SourceReader.ConfigKeyPatternText)}}
                },
                "generate": {
                  "const": true
                },
                "length": {
                  "type": "integer",
                  "minimum": 16,
                  "maximum": 128
                }
              },
              "oneOf": [
                {
                  "required": [
                    "env"
                  ],
                  "not": {
                    "anyOf": [
                      {
                        "required": [
                          "generate"
                        ]
                      },
                      {
                        "required": [
                          "length"
                        ]
                      }
                    ]
                  }
                },
                {
                  "required": [
                    "generate"
                  ],
                  "not": {
                    "anyOf": [
                      {
                        "required": [
                          "env"
                        ]
                      },
                      {
                        "required": [
                          "config"
                        ]
                      }
                    ]
                  }
                }
              ]
            },
            "target": {
              "description": "Where the stack is applied: `endpoint: emulator` (the embedded local emulator, which supplies ids and key) or an https endpoint with organizationId, workspaceId and accessKey.",
              "type": "object",
              "additionalProperties": false,
              "required": [
                "endpoint"
              ],
              "properties": {
                "endpoint": {
                  "anyOf": [
                    {
                      "const": "emulator"
                    },
                    {
                      "type": "string",
                      "pattern": "^https://[^\\s?#]+$"
                    }
                  ]
                },
                "organizationId": {
                  "$ref": "#/$defs/uuidOrEnvironment"
                },
                "workspaceId": {
                  "$ref": "#/$defs/uuidOrEnvironment"
                },
                "accessKey": {
                  "$ref": "#/$defs/secret"
                },
                "allowHttpWebhooks": {
                  "description": "Emulator only: webhook URLs may be http://127.0.0.1:PORT or http://localhost:PORT.",
                  "type": "boolean"
                }
              },
              "if": {
                "properties": {
                  "endpoint": {
                    "const": "emulator"
                  }
                }
              },
              "then": {
                "not": {
                  "anyOf": [
                    {
                      "required": [
                        "organizationId"
                      ]
                    },
                    {
                      "required": [
                        "workspaceId"
                      ]
                    },
                    {
                      "required": [
                        "accessKey"
                      ]
                    }
                  ]
                }
              },
              "else": {
                "required": [
                  "organizationId",
                  "workspaceId",
                  "accessKey"
                ],
                "properties": {
                  "allowHttpWebhooks": {
                    "const": false
                  }
                }
              }
            }
          }
        }
        """;

    public static string Generate(KindRegistry kinds)
    {
        var schema = JsonNode.Parse(Frame)!.AsObject();
        var sections = kinds.Sections;
        var properties = new JsonObject { ["target"] = schema["properties"]!["target"]!.DeepClone() };
        foreach (var section in sections)
        {
            properties[section.Name] = new JsonObject
            {
                ["description"] = section.Description,
                ["type"] = new JsonArray("object", "null"),
                ["propertyNames"] = new JsonObject { ["$ref"] = "#/$defs/logicalName" },
                ["additionalProperties"] = new JsonObject { ["$ref"] = $"#/$defs/{section.SchemaDefinition}" },
            };
        }

        var guards = schema["properties"]!["guards"]!.DeepClone();
        guards["properties"]!["protect"]!["items"]!["pattern"] = $@"^({string.Join("|", sections.Select(s => s.Name))})(\.{StackValidator.LogicalNameText})?$";
        properties["guards"] = guards;
        properties["state"] = schema["properties"]!["state"]!.DeepClone();
        properties["extends"] = schema["properties"]!["extends"]!.DeepClone();
        var compare = schema["properties"]!["compare"]!.DeepClone();
        var expect = compare["properties"]!["expect"]!["items"]!;
        expect["pattern"] = CompareReader.SchemaPattern(sections.Select(s => s.Name));
        properties["compare"] = compare;
        var drift = schema["properties"]!["drift"]!.DeepClone();
        drift["properties"]!["ignore"]!["items"]!["properties"]!["kind"]!["enum"] = new JsonArray([.. kinds.Declarable.Select(k => (JsonNode)JsonValue.Create(k.Name)!)]);
        properties["drift"] = drift;
        schema["properties"] = properties;

        var definitions = schema["$defs"]!.AsObject();
        foreach (var (name, json) in sections.SelectMany(s => s.SchemaDefinitions))
        {
            definitions[name] = JsonNode.Parse(json);
        }

        foreach (var (name, overlay) in Overlay(schema).ToList())
        {
            definitions[name] = overlay;
        }
        return Write(schema);
    }

    /// <summary>
    /// <c>stacks/overlay.schema.json</c>, for bases and overlays (files that name or are named in <c>extends</c>): a
    /// reference to the stack schema's <c>$defs/overlay</c>, so it names no kind and never changes when a kind is added.
    /// </summary>
    /// <remarks>
    /// No <c>$id</c>: the reference is then resolved against where the file is read from, so a validator or editor that
    /// loads it from disk finds <c>stack.schema.json</c> beside it.
    /// </remarks>
    public static string GenerateOverlay() => Write(new JsonObject
    {
        ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
        ["title"] = "BirdInfra base or overlay stack file",
        ["description"] = OverlayDescription,
        ["$ref"] = $"stack.schema.json#/$defs/{OverlayDefinition}",
    });

    /// <summary>
    /// The stack schema with no required field (the other file may give it), null allowed for every field (null removes
    /// the base's key) and no condition, as definitions to add to the stack schema: <c>overlay</c> (the file) and an
    /// <c>overlay-</c> copy of each definition it uses. <c>validate</c> checks the effective stack in full.
    /// </summary>
    private static IEnumerable<(string Name, JsonObject Schema)> Overlay(JsonObject schema)
    {
        var overlay = schema.DeepClone().AsObject();
        foreach (var key in new[] { "$schema", "$id", "title" })
        {
            overlay.Remove(key);
        }

        overlay["description"] = OverlayDescription;
        Loosen(overlay);
        Rebase(overlay, $"#/$defs/{OverlayDefinition}-");
        var definitions = overlay["$defs"]!.AsObject();
        overlay.Remove("$defs");
        yield return (OverlayDefinition, overlay);
        foreach (var (name, definition) in definitions.ToList())
        {
            definitions.Remove(name);
            yield return ($"{OverlayDefinition}-{name}", definition!.AsObject());
        }
    }

    /// <summary>Points the overlay's references at its own definitions.</summary>
    private static void Rebase(JsonNode? node, string definitions)
    {
        switch (node)
        {
            case JsonObject json:
                if (json["$ref"] is JsonValue reference && reference.GetValue<string>() is { } target && target.StartsWith("#/$defs/", StringComparison.Ordinal))
                {
                    json["$ref"] = definitions + target["#/$defs/".Length..];
                }

                foreach (var (_, value) in json.ToList())
                {
                    Rebase(value, definitions);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Rebase(item, definitions);
                }

                break;
        }
    }

    private static void Loosen(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject json:
                // A condition may read a value the other file gives (an overlay's target without the base's endpoint):
                // only the effective stack can be checked against it, and validate does.
                foreach (var conditional in new[] { "if", "then", "else" })
                {
                    json.Remove(conditional);
                }

                if (json["properties"] is JsonObject properties)
                {
                    json.Remove("required");
                    foreach (var name in properties.Select(p => p.Key).ToList())
                    {
                        var inner = properties[name]!;
                        Loosen(inner);
                        properties[name] = OrNull(inner);
                    }
                }

                if (json["additionalProperties"] is JsonObject entry)
                {
                    Loosen(entry);
                    json["additionalProperties"] = OrNull(entry);
                }

                foreach (var (key, value) in json.ToList())
                {
                    if (key is not "properties" and not "additionalProperties")
                    {
                        Loosen(value);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Loosen(item);
                }

                break;
        }
    }

    private static JsonObject OrNull(JsonNode schema)
    {
        var copy = schema.DeepClone();
        return new JsonObject { ["anyOf"] = new JsonArray(copy, new JsonObject { ["type"] = "null" }) };
    }

    private static string Write(JsonObject schema) =>
        schema.ToJsonString(JsonText.IndentedRelaxed) + "\n";
}
