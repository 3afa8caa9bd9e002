using System.Text;
using Google.Protobuf.WellKnownTypes;

namespace BirdInfra.Providers.PulumiWire;

/// <summary>
/// The one converter between Pulumi's wire values (Struct/Value with signature objects and unknown sentinels)
/// and the providers' property model. Secrets become <see cref="PropertyValue.Secret"/>, unknowns
/// <see cref="PropertyValue.Unknown"/>, resource references their id (unknown when the id is not known yet),
/// output values their value (secret-wrapped when secret).
/// </summary>
public static class PropertyStructConverter
{
    public static PropertyMap ToPropertyMap(Struct? value)
    {
        if (value is null)
        {
            return PropertyMap.Empty;
        }

        return PropertyMap.From(value.Fields
            .Where(f => !f.Key.StartsWith("__", StringComparison.Ordinal))
            .Select(f => KeyValuePair.Create(f.Key, ToPropertyValue(f.Value))));
    }

    public static PropertyValue ToPropertyValue(Value? value)
    {
        if (value is null)
        {
            return PropertyValue.Null;
        }

        return value.KindCase switch
        {
            Value.KindOneofCase.NullValue or Value.KindOneofCase.None => PropertyValue.Null,
            Value.KindOneofCase.BoolValue => PropertyValue.Bool(value.BoolValue),
            Value.KindOneofCase.NumberValue => PropertyValue.Number(value.NumberValue),
            Value.KindOneofCase.StringValue => PulumiSignatures.UnknownSentinels.Contains(value.StringValue)
                ? PropertyValue.Unknown
                : PropertyValue.String(value.StringValue),
            Value.KindOneofCase.ListValue => PropertyValue.List(value.ListValue.Values.Select(ToPropertyValue)),
            Value.KindOneofCase.StructValue => FromObject(value.StructValue),
            _ => PropertyValue.Null,
        };
    }

    public static Struct ToStruct(PropertyMap map)
    {
        var result = new Struct();
        foreach (var (key, value) in map)
        {
            result.Fields[key] = ToValue(value);
        }

        return result;
    }

    public static Value ToValue(PropertyValue value) => value.Kind switch
    {
        PropertyKind.Null => Value.ForNull(),
        PropertyKind.Unknown => Value.ForString(PulumiSignatures.UnknownValue),
        PropertyKind.Bool => Value.ForBool(value.AsBoolOrNull()!.Value),
        PropertyKind.Number => Value.ForNumber(value.AsNumberOrNull()!.Value),
        PropertyKind.String => Value.ForString(value.AsString()),
        PropertyKind.List => Value.ForList(value.AsList().Select(ToValue).ToArray()),
        PropertyKind.Map => Value.ForStruct(ToStruct(value.AsMap())),
        PropertyKind.Secret => Value.ForStruct(SecretObject(ToValue(value.Unwrapped))),
        _ => throw new ArgumentOutOfRangeException(nameof(value), value.Kind, "Unsupported property kind."),
    };

    private static Struct SecretObject(Value inner)
    {
        var secret = new Struct();
        secret.Fields[PulumiSignatures.Key] = Value.ForString(PulumiSignatures.Secret);
        secret.Fields["value"] = inner;
        return secret;
    }

    private static PropertyValue FromObject(Struct obj)
    {
        if (!obj.Fields.TryGetValue(PulumiSignatures.Key, out var signature) || signature.KindCase != Value.KindOneofCase.StringValue)
        {
            return PropertyValue.Map(ToPropertyMap(obj));
        }

        switch (signature.StringValue)
        {
            case PulumiSignatures.Secret:
                return PropertyValue.Secret(ToPropertyValue(obj.Fields.GetValueOrDefault("value")));

            case PulumiSignatures.ResourceReference:
                // Providers cannot resolve references: they stand for the resource's id, the way the engine would
                // substitute it for a provider that did not accept references.
                if (obj.Fields.TryGetValue("id", out var id) && id.KindCase == Value.KindOneofCase.StringValue)
                {
                    return id.StringValue.Length == 0 || PulumiSignatures.UnknownSentinels.Contains(id.StringValue)
                        ? PropertyValue.Unknown
                        : PropertyValue.String(id.StringValue);
                }

                return obj.Fields.TryGetValue("urn", out var urn) ? ToPropertyValue(urn) : PropertyValue.Unknown;

            case PulumiSignatures.OutputValue:
                var inner = obj.Fields.TryGetValue("value", out var v) ? ToPropertyValue(v) : PropertyValue.Unknown;
                var secret = obj.Fields.TryGetValue("secret", out var s) && s.KindCase == Value.KindOneofCase.BoolValue && s.BoolValue;
                return secret ? PropertyValue.Secret(inner) : inner;

            case PulumiSignatures.ByteString:
                var text = obj.Fields.GetValueOrDefault("value")?.StringValue ?? string.Empty;
                return PropertyValue.String(Encoding.UTF8.GetString(Convert.FromBase64String(text)));

            default:
                // Assets and archives: no Bird kind takes them, so they stay objects and the kind's Check rejects them.
                return PropertyValue.Map(ToPropertyMap(obj));
        }
    }
}
