using BirdInfra.Emulator.Configuration;

namespace BirdInfra.Emulator.Tests.Support;

/// <summary>An emulator started with <c>--webhook-event whatsapp.inbound --webhook-event channel.created:platformId</c>.</summary>
public sealed class NarrowCatalogueEmulatorFixture : EmulatorFixture
{
    protected override EmulatorOptions Options => TestOptions with
    {
        WebhookEvents = new Dictionary<string, IReadOnlyList<string>?>(StringComparer.Ordinal) { ["whatsapp.inbound"] = null, ["channel.created"] = ["platformId"] },
    };
}
