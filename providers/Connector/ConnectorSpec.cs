
namespace BirdInfra.Providers.Connector;

/// <summary>The desired WhatsApp connector, typed. <see cref="AccessToken"/> prints as <c>[secret]</c>.</summary>
public sealed record ConnectorSpec(
    string Name,
    string ConnectorTemplateRef,
    string WabaId,
    string PhoneId,
    string PhoneNumber,
    string? MbPhoneId,
    SecretText AccessToken)
{
    public const string DefaultTemplate = "whatsapp:1";

    public static ConnectorSpec FromInputs(PropertyMap inputs) => new(
        PropertyMaps.Required(inputs, ConnectorFields.Name),
        PropertyMaps.Optional(inputs, ConnectorFields.Template) ?? DefaultTemplate,
        PropertyMaps.Required(inputs, ConnectorFields.WabaId),
        PropertyMaps.Required(inputs, ConnectorFields.PhoneId),
        PropertyMaps.Required(inputs, ConnectorFields.PhoneNumber),
        PropertyMaps.Optional(inputs, ConnectorFields.MbPhoneId),
        PropertyMaps.RequiredSecret(inputs, ConnectorFields.AccessToken));

    /// <summary>The create's <c>arguments</c>: each of <see cref="ConnectorFields.Arguments"/> that has a value, under its property's name.</summary>
    public Dictionary<string, string> Arguments()
    {
        var values = new[] { WabaId, PhoneId, PhoneNumber, MbPhoneId };
        return ConnectorFields.Arguments.Zip(values).Where(a => a.Second is not null).ToDictionary(a => a.First.Property!, a => a.Second!, StringComparer.Ordinal);
    }
}
