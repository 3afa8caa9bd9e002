using BirdInfra.Providers.Stacks.Model;
using BirdInfra.Providers.Stacks.Reading;
using BirdInfra.Providers.Stacks;
using System.Text.RegularExpressions;
using BirdInfra.Providers.Diagnostics;
using BirdInfra.Providers.Rules;
using BirdInfra.Stacks.Model;
using BirdInfra.Providers.Stacks.Yaml;

namespace BirdInfra.Stacks.Validation;

/// <summary>Reads an entry of <c>connectors</c> (a WhatsApp connector).</summary>
internal static partial class ConnectorReader
{
    public const string DefaultTemplate = "whatsapp:1";

    public static ConnectorDeclaration? Read(ValidationContext context, ScalarNode key, MappingNode body)
    {
        var reader = context.Reader;
        var owner = reader.At(key);
        reader.CheckKeys(body, StackKeys.Connector, $"connector '{Text.Shown(key.Value)}'");
        var name = CommonFields.Name(context, StackKeys.Connectors, key, body);
        var template = Template(context, body);
        var wabaId = MetaId(context, body, "wabaId", "wabaId: \"102290129340398\"", owner);
        var phoneId = MetaId(context, body, "phoneId", "phoneId: \"106540352242922\"", owner);
        var phoneNumber = PhoneNumber(context, body, owner);
        string? mbPhoneId = null;
        var mbPhoneIdValid = true;
        if (FieldReader.Optional(body, "mbPhoneId") is { } mbNode)
        {
            mbPhoneId = reader.String(mbNode, "mbPhoneId: 8c1f0d8e-4f89-41d3-9a0c-0305e82c3301");
            if (mbPhoneId is not null && BirdRules.Uuid(mbPhoneId) is { } violation)
            {
                reader.Report(DiagnosticCodes.InvalidUuid, violation.Message, "mbPhoneId is the UUID of a number bought from Bird; leave it out for your own number.", mbNode);
                mbPhoneId = null;
            }

            mbPhoneIdValid = mbPhoneId is not null;
        }

        SecretSource? accessToken = null;
        if (reader.Required(body, "accessToken", owner, "Add the Meta access token by reference: accessToken: { env: WHATSAPP_ACCESS_TOKEN }.") is { } tokenNode)
        {
            var generateNotAllowed = context.UsesEmulator == false
                ? "A generated accessToken only works with the emulator: Bird checks the token with Meta."
                : null;
            accessToken = context.Sources.Secret(tokenNode, "WHATSAPP_ACCESS_TOKEN", generateNotAllowed);
        }

        return name is null || template is null || wabaId is null || phoneId is null || phoneNumber is null || !mbPhoneIdValid || accessToken is null
            ? null
            : new ConnectorDeclaration(key.Value, name, template, wabaId, phoneId, phoneNumber, mbPhoneId, accessToken, owner);
    }

    private static string? Template(ValidationContext context, MappingNode body)
    {
        if (FieldReader.Optional(body, "template") is not { } node)
        {
            return DefaultTemplate;
        }

        if (context.Reader.String(node, "template: whatsapp:1") is not { } template)
        {
            return null;
        }

        if (BirdRules.ConnectorTemplate(template) is { } violation)
        {
            context.Reader.Report(DiagnosticCodes.InvalidConnectorTemplate, violation.Message, violation.Hint, node);
            return null;
        }

        return template;
    }

    /// <summary>Meta's ids are numbers; an unquoted number is accepted and keeps its exact digits.</summary>
    private static string? MetaId(ValidationContext context, MappingNode body, string field, string example, SourceLocation owner)
    {
        if (context.Reader.Required(body, field, owner, $"Add {example} (from WhatsApp embedded signup).") is not { } node
            || context.Reader.String(node, example) is not { } id)
        {
            return null;
        }

        if (MetaIdPattern().IsMatch(id))
        {
            return id;
        }

        context.Reader.Report(
            DiagnosticCodes.InvalidMetaId,
            $"'{Text.Shown(id)}' is not a Meta id: {field} is a number.",
            $"Copy the numeric id from WhatsApp embedded signup, quoted, e.g. {example}.",
            node);
        return null;
    }

    private static string? PhoneNumber(ValidationContext context, MappingNode body, SourceLocation owner)
    {
        const string example = "phoneNumber: \"+31612345678\"";
        if (context.Reader.Required(body, "phoneNumber", owner, $"Add the number in E.164 form, e.g. {example}.") is not { } node
            || context.Reader.String(node, example) is not { } number)
        {
            return null;
        }

        if (BirdRules.PhoneNumber(number) is { } violation)
        {
            context.Reader.Report(DiagnosticCodes.InvalidPhoneNumber, violation.Message, violation.Hint, node);
            return null;
        }

        context.Index.PhoneNumbers.Add((number, node));
        return number;
    }

    [GeneratedRegex("^[0-9]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex MetaIdPattern();
}
