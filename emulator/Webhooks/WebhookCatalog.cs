
namespace BirdInfra.Emulator.Webhooks;

/// <summary>
/// Services, events and filter keys the emulator accepts (fact sheet §4.3), narrowed by
/// <see cref="EmulatorOptions.WebhookEvents"/> when set. The same catalogue validates subscriptions and answers
/// <c>GET /workspaces/{ws}/available-webhooks</c>.
/// </summary>
internal static class WebhookCatalog
{
    public static readonly string[] Services = ["channels", "numbers", "payments", "conversations"];

    private static readonly string[] Platforms =
        ["sms", "whatsapp", "email", "line", "instagram", "facebook", "viber", "linkedin", "tiktok", "telegram"];

    private static readonly string[] MessageEvents = ["inbound", "outbound", "interaction"];

    /// <summary>Every channels event of the full catalogue, in a stable order.</summary>
    public static IEnumerable<string> AllChannelEvents =>
        Platforms.SelectMany(p => MessageEvents.Select(e => $"{p}.{e}")).Concat(["channel.created", "channel.updated", "voice.inbound", "voice.outbound"]);

    /// <summary>Allowed filter keys for an event, or null when the event is unknown. Services other than channels are not catalogued, so anything goes there.</summary>
    public static IReadOnlyList<string>? FilterKeys(EmulatorOptions options, string service, string @event)
    {
        if (service != "channels")
        {
            return [];
        }

        var full = FullFilterKeys(@event);
        if (full is null || options.WebhookEvents is not { } narrowed)
        {
            return full;
        }

        return narrowed.TryGetValue(@event, out var keys) ? keys ?? full : null;
    }

    /// <summary>The channels events the catalogue offers, each with its filter keys (what available-webhooks lists).</summary>
    public static IEnumerable<(string Name, IReadOnlyList<string> FilterKeys)> ChannelEvents(EmulatorOptions options) =>
        AllChannelEvents.Select(e => (e, FilterKeys(options, "channels", e))).Where(e => e.Item2 is not null).Select(e => (e.e, e.Item2!));

    /// <summary>The filter keys of an event in the full catalogue, or null when it has no such event.</summary>
    public static IReadOnlyList<string>? FullFilterKeys(string @event)
    {
        if (@event is "channel.created" or "channel.updated")
        {
            return ["platformId", "channelStatus"];
        }

        if (@event is "voice.inbound" or "voice.outbound")
        {
            return ["channelId", "status"];
        }

        var dot = @event.IndexOf('.');
        if (dot < 0 || !Platforms.Contains(@event[..dot]))
        {
            return null;
        }

        return @event[(dot + 1)..] switch
        {
            "inbound" => ["channelId"],
            "outbound" => ["channelId", "messageStatus"],
            "interaction" => ["channelId", "interactionType"],
            _ => null,
        };
    }

    public static bool AnyFilterKeyAllowed(string service) => service != "channels";
}
