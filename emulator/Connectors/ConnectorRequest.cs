using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BirdInfra.Emulator.Connectors;

/// <summary>A validated create-connector request (closed schema; only the <c>whatsapp:1</c> template is emulated).</summary>
internal sealed partial record ConnectorRequest(string Name, string TemplateRef, JsonObject Arguments, bool? ChannelConversationalStatusEnabled)
{
    public const string WhatsAppTemplate = "whatsapp:1";

    public string PhoneNumber => Arguments["phoneNumber"]!.GetValue<string>();

    public static Outcome<ConnectorRequest> Parse(JsonObject body)
    {
        var v = new Validator();
        v.Closed(body, "", "name", "connectorTemplateRef", "arguments", "securityArguments", "channelConversationalStatusEnabled", "invitationToken");
        var name = v.String(body, "name", "", required: true);
        var template = v.String(body, "connectorTemplateRef", "", required: true);
        var conversational = v.Bool(body, "channelConversationalStatusEnabled", "");
        v.String(body, "invitationToken", "", required: false, min: 0, max: 8000);
        if (template is not null && template != WhatsAppTemplate)
        {
            v.Add(".connectorTemplateRef", $"template '{template}' is not available in the emulator (only {WhatsAppTemplate})");
        }

        var arguments = v.Object(body, "arguments", "", required: true);
        var clean = new JsonObject();
        if (arguments is not null)
        {
            v.Closed(arguments, ".arguments", "wabaId", "phoneId", "phoneNumber", "mbPhoneId");
            foreach (var field in new[] { "wabaId", "phoneId" })
            {
                if (v.String(arguments, field, ".arguments", required: true) is { } value)
                {
                    if (!DigitsPattern().IsMatch(value))
                    {
                        v.Add($".arguments.{field}", "must be a numeric Meta id");
                    }

                    clean[field] = value;
                }
            }

            if (v.String(arguments, "phoneNumber", ".arguments", required: true) is { } phone)
            {
                if (!E164Pattern().IsMatch(phone))
                {
                    v.Add(".arguments.phoneNumber", "must be an E.164 phone number such as +31612345678");
                }

                clean["phoneNumber"] = phone;
            }

            if (v.String(arguments, "mbPhoneId", ".arguments", required: false) is { } mbPhoneId)
            {
                clean["mbPhoneId"] = mbPhoneId;
            }
        }

        var security = v.Object(body, "securityArguments", "", required: true);
        if (security is not null)
        {
            v.Closed(security, ".securityArguments", "oauth");
            if (v.Object(security, "oauth", ".securityArguments", required: true) is { } oauth)
            {
                v.Closed(oauth, ".securityArguments.oauth", "accessToken");
                v.String(oauth, "accessToken", ".securityArguments.oauth", required: true, max: 4096);
            }
        }

        return v.ToError() is { } error ? error : new ConnectorRequest(name!, template!, clean, conversational);
    }

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex E164Pattern();

    [GeneratedRegex("^[0-9]{1,32}$")]
    private static partial Regex DigitsPattern();
}
