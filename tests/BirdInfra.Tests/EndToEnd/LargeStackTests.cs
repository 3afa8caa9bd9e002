using System.Text;
using BirdInfra.Tests.Support;

namespace BirdInfra.Tests.EndToEnd;

/// <summary>A no-op preview of a large stack reads Bird through list endpoints: a handful of calls, not one per object.</summary>
[Trait("Category", "Slow")]
public sealed class LargeStackTests
{
    private const int Numbers = 40;

    [Fact]
    public async Task NoOpPreview_OfALargeStack_CostsOneListSequencePerKind()
    {
        var yaml = new StringBuilder(ScenarioStack.Yaml);
        for (var i = 0; i < Numbers; i++)
        {
            var number = $"+3161000{i:0000}";
            yaml.Replace("connectors:\n", $"connectors:\n  n{i}:\n    name: Number {i}\n    wabaId: \"1022901293{i:00000}\"\n    phoneId: \"1065403522{i:00000}\"\n    phoneNumber: \"{number}\"\n    accessToken: {{ env: WHATSAPP_ACCESS_TOKEN }}\n");
            foreach (var kind in new[] { "inbound", "outbound", "interaction" })
            {
                yaml.Append($"\n  n{i}-{kind}:\n    event: whatsapp.{kind}\n    url: https://contact-center.example.com/bird/{kind}\n    channel: n{i}\n    signingKey: {{ env: BIRD_WEBHOOK_SIGNING_KEY }}");
            }
        }

        await using var ws = await StackWorkspace.CreateAsync(yaml.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
        var up = await ws.RunAsync("up", "--stack", "e2e", "--yes");
        up.ExitCode.Should().Be(0, up.All);

        await ws.ResetCallLogAsync();
        var preview = await ws.RunAsync("preview", "--stack", "e2e", "--detailed-exitcode");
        preview.ExitCode.Should().Be(0, preview.All);
        var calls = await ws.CallsAsync();

        // The webhook catalogue once + 3 IAM lists + connectors (41 objects, 1 page) + subscriptions (123 objects, 2 pages of 100).
        calls.Should().OnlyContain(c => c.Method == "GET");
        calls.Should().HaveCount(7, string.Join(Environment.NewLine, calls));
    }
}
