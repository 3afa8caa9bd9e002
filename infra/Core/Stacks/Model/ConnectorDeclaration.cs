using BirdInfra.Providers.Diagnostics;
using BirdInfra.Providers.Stacks.Model;

namespace BirdInfra.Stacks.Model;

/// <summary>An entry of <c>connectors</c>: a WhatsApp connector (and the channel Bird creates for it).</summary>
/// <param name="Template">Connector template ref; <c>whatsapp:1</c> when the file gives none.</param>
/// <param name="WabaId">Exactly as written (an unquoted number keeps all its digits).</param>
public sealed record ConnectorDeclaration(
    string LogicalName,
    string Name,
    string Template,
    string WabaId,
    string PhoneId,
    string PhoneNumber,
    string? MbPhoneId,
    SecretSource AccessToken,
    SourceLocation Location);
