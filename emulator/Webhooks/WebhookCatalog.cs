namespace BirdInfra.Emulator.Webhooks;

/// <summary>Services, events and filter keys the emulator accepts (fact sheet §4.3).</summary>
internal static class WebhookCatalog
{
    public static readonly string[] Services = ["channels", "numbers", "payments", "conversations"];

    private static readonly string[] Platforms =
        ["sms", "whatsapp", "email", "line", "instagram", "facebook", "viber", "linkedin", "tiktok", "telegram"];

    /// <summary>Allowed filter keys for an event, or null when the event is unknown. Services other than channels are not catalogued, so anything goes there.</summary>
    public static IReadOnlyList<string>? FilterKeys(string service, string @event)
    {
        if (service != "channels")
        {
            return [];
        }

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
