using BirdInfra.Providers.Kinds;
using BirdInfra.Providers.Properties;

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
        PropertyMaps.Required(inputs, "name"),
        PropertyMaps.Optional(inputs, "connectorTemplateRef") ?? DefaultTemplate,
        PropertyMaps.Required(inputs, "wabaId"),
        PropertyMaps.Required(inputs, "phoneId"),
        PropertyMaps.Required(inputs, "phoneNumber"),
        PropertyMaps.Optional(inputs, "mbPhoneId"),
        PropertyMaps.RequiredSecret(inputs, "accessToken"));
}
