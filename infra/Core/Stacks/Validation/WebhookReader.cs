using BirdInfra.Providers.Stacks.Model;
using BirdInfra.Providers.Stacks.Reading;
using BirdInfra.Providers.Stacks;
using System.Collections.Immutable;
using BirdInfra.Providers.Diagnostics;
using BirdInfra.Providers.Rules;
using BirdInfra.Stacks.Model;
using BirdInfra.Providers.Stacks.Yaml;

namespace BirdInfra.Stacks.Validation;

/// <summary>Reads an entry of <c>webhookSubscriptions</c>.</summary>
internal static class WebhookReader
{
    public const string DefaultService = "channels";
    public const string DefaultStatus = "active";
    private const string ChannelIdKey = "channelId";
    private const string FilterExample = "- { key: messageStatus, value: delivered }";

    public static WebhookDeclaration? Read(ValidationContext context, ScalarNode key, MappingNode body)
    {
        var reader = context.Reader;
        var owner = reader.At(key);
        reader.CheckKeys(body, StackKeys.Webhook, $"webhook subscription '{Text.Shown(key.Value)}'");
        var service = Service(context, body);
        var eventName = Event(context, body, service, owner);
        var url = Url(context, body, owner);
        var (channel, channelValid) = Channel(context, body, service, eventName);
        var (filters, filtersValid) = Filters(context, body, eventName, channel is not null);
        var status = Status(context, body);
        SecretSource? signingKey = null;
        if (reader.Required(body, "signingKey", owner, "Sign deliveries: signingKey: { generate: true } or { env: BIRD_WEBHOOK_SIGNING_KEY }.") is { } keyNode)
        {
            signingKey = context.Sources.Secret(keyNode, "BIRD_WEBHOOK_SIGNING_KEY", generateNotAllowed: null);
        }

        if (service is not null && eventName is not null && url is not null && channelValid && filtersValid)
        {
            var canonical = filters.Select(f => $"{f.Key}={f.Value}").ToList();
            if (channel is not null)
            {
                canonical.Add($"{ChannelIdKey}=<channel of {channel.Name}>");
            }

            canonical.Sort(StringComparer.Ordinal);
            context.Index.Subscriptions.Add((service, eventName, url, string.Join("&", canonical), key));
        }

        return service is null || eventName is null || url is null || !channelValid || !filtersValid || status is null || signingKey is null
            ? null
            : new WebhookDeclaration(key.Value, service, eventName, url, channel, filters, status, signingKey, owner);
    }

    private static string? Service(ValidationContext context, MappingNode body)
    {
        if (FieldReader.Optional(body, "service") is not { } node)
        {
            return DefaultService;
        }

        if (context.Reader.String(node, "service: channels") is not { } service)
        {
            return null;
        }

        if (BirdRules.WebhookService(service) is { } violation)
        {
            context.Reader.Report(DiagnosticCodes.UnknownWebhookService, violation.Message, HintWithGuess(violation.Hint, service, BirdRules.WebhookServices), node);
            return null;
        }

        return service;
    }

    private static string? Event(ValidationContext context, MappingNode body, string? service, SourceLocation owner)
    {
        if (context.Reader.Required(body, "event", owner, "Add the event, e.g. event: whatsapp.inbound.") is not { } node
            || context.Reader.String(node, "event: whatsapp.inbound") is not { } eventName)
        {
            return null;
        }

        if (service is not null && BirdRules.WebhookEvent(service, eventName) is { } violation)
        {
            var known = new[] { "channel.created", "channel.updated", "whatsapp.inbound", "whatsapp.outbound", "whatsapp.interaction" };
            context.Reader.Report(DiagnosticCodes.UnknownWebhookEvent, violation.Message, HintWithGuess(violation.Hint, eventName, known), node);
            return null;
        }

        return service is null ? null : eventName;
    }

    private static string? Url(ValidationContext context, MappingNode body, SourceLocation owner)
    {
        const string example = "url: https://contact-center.example.com/bird";
        if (context.Reader.Required(body, "url", owner, $"Add the HTTPS endpoint Bird posts to, e.g. {example}.") is not { } node
            || context.Reader.String(node, example) is not { } url)
        {
            return null;
        }

        if (BirdRules.WebhookUrl(url, allowHttpLoopback: context.UsesEmulator == true && context.AllowHttpWebhooks) is { } violation)
        {
            context.Reader.Report(DiagnosticCodes.InvalidWebhookUrl, violation.Message, violation.Hint, node);
            return null;
        }

        return url;
    }

    private static (LogicalReference? Channel, bool Valid) Channel(ValidationContext context, MappingNode body, string? service, string? eventName)
    {
        if (FieldReader.Optional(body, "channel") is not { } node)
        {
            return (null, true);
        }

        if (context.Reader.String(node, "channel: main-number") is not { } connector)
        {
            return (null, false);
        }

        context.Index.References.Add((StackKeys.Connectors, connector, node));
        if (service is not null && eventName is not null && !IsChannelScoped(service, eventName))
        {
            context.Reader.Report(
                DiagnosticCodes.ChannelNotAllowed,
                $"Event '{eventName}' cannot be filtered by channel, so 'channel:' does not apply.",
                "Use channel: with a channel message event such as whatsapp.inbound, whatsapp.outbound or whatsapp.interaction; remove it here.",
                node);
            return (null, false);
        }

        return (new LogicalReference(connector, context.Reader.At(node)), true);
    }

    private static (ImmutableArray<EventFilterDeclaration> Filters, bool Valid) Filters(
        ValidationContext context, MappingNode body, string? eventName, bool hasChannel)
    {
        var reader = context.Reader;
        if (FieldReader.Optional(body, "eventFilters") is not { } node)
        {
            return ([], true);
        }

        if (reader.List(node, $"eventFilters: [{FilterExample[2..]}]", nonEmpty: false) is not { } items)
        {
            return ([], false);
        }

        var filters = ImmutableArray.CreateBuilder<EventFilterDeclaration>();
        var valid = true;
        var channelFilters = hasChannel ? 1 : 0;
        foreach (var item in items)
        {
            if (reader.Mapping(item, "An event filter", $"Write {FilterExample}.") is not { } filter)
            {
                valid = false;
                continue;
            }

            var owner = reader.At(filter);
            reader.CheckKeys(filter, StackKeys.EventFilter, "an event filter");
            var keyNode = reader.Required(filter, "key", owner, $"Write {FilterExample}.");
            var valueNode = reader.Required(filter, "value", owner, $"Write {FilterExample}.");
            var key = keyNode is null ? null : reader.String(keyNode, "key: messageStatus");
            var value = valueNode is null ? null : reader.String(valueNode, "value: delivered");
            if (key is not null && eventName is not null && BirdRules.EventFilterKey(eventName, key) is { } violation)
            {
                reader.Report(DiagnosticCodes.UnknownEventFilterKey, violation.Message, violation.Hint, keyNode!);
                key = null;
            }

            if (value is { Length: 0 })
            {
                reader.Report(DiagnosticCodes.InvalidFilterValue, "The event filter value is empty.", "Give the value to match, e.g. value: delivered.", valueNode!);
                value = null;
            }

            if (key == ChannelIdKey && ++channelFilters > 1)
            {
                reader.Report(
                    DiagnosticCodes.MultipleChannelFilters,
                    hasChannel
                        ? "This channelId filter comes on top of 'channel:'; a subscription takes one channelId filter."
                        : "A subscription takes only one channelId filter.",
                    "Make one subscription per channel.",
                    item);
                key = null;
            }
            else if (key == ChannelIdKey && value is not null && BirdRules.Uuid(value) is { } uuidViolation)
            {
                reader.Report(
                    DiagnosticCodes.InvalidUuid,
                    uuidViolation.Message,
                    "A channelId filter holds a channel UUID; for a connector of this stack write channel: <connector name> instead.",
                    valueNode!);
                value = null;
            }

            if (key is null || value is null)
            {
                valid = false;
                continue;
            }

            filters.Add(new EventFilterDeclaration(key, value, owner));
        }

        return (filters.ToImmutable(), valid);
    }

    private static string? Status(ValidationContext context, MappingNode body)
    {
        if (FieldReader.Optional(body, "status") is not { } node)
        {
            return DefaultStatus;
        }

        if (context.Reader.String(node, "status: active") is not { } status)
        {
            return null;
        }

        if (status is "active" or "inactive")
        {
            return status;
        }

        context.Reader.Report(DiagnosticCodes.InvalidStatus, $"'{Text.Shown(status)}' is not a subscription status.", "Write status: active or status: inactive.", node);
        return null;
    }

    private static bool IsChannelScoped(string service, string eventName) =>
        service == DefaultService && BirdRules.EventFilterKey(eventName, ChannelIdKey) is null
        && BirdRules.WebhookEvent(service, eventName) is null;

    private static string HintWithGuess(string hint, string value, IEnumerable<string> known) =>
        Text.Closest(value, known) is { } guess ? $"Did you mean '{guess}'? {hint}" : hint;
}
