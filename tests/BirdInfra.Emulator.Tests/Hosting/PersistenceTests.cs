using BirdInfra.Emulator.Embedded;
using BirdInfra.Emulator.Store;
using BirdInfra.Emulator.Tests.Support;

namespace BirdInfra.Emulator.Tests.Hosting;

/// <summary>State written to the data file survives a restart; secrets that Bird never returns are not in the file.</summary>
public sealed class PersistenceTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("birdinfra-emulator-").FullName;

    private string DataFile => Path.Combine(_dir, "state.json");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Restart_WithDataFile_KeepsIdentityObjectsAndKeys()
    {
        var options = EmulatorFixture.TestOptions with { DataFile = DataFile };
        string org, ws, admin, policy, role, token, connector, channel, subscription;
        await using (var first = await EmbeddedEmulator.StartAsync(options, CancellationToken.None))
        {
            using var http = new HttpClient { BaseAddress = first.BaseUrl };
            var api = new BirdApi(http, first.AdminAccessKey);
            (org, ws, admin) = (first.OrganizationId, first.WorkspaceId, first.AdminAccessKey);
            policy = (await api.PostAsync($"organizations/{org}/iam-policies", new { name = "p", definitions = new[] { new { effect = "allow", actions = new[] { "view" }, resources = new[] { "/**" } } } })).ShouldBe(201).Id;
            role = (await api.PostAsync($"organizations/{org}/iam-roles", new { name = "r", policies = new[] { new { id = policy, type = "organization" } } })).ShouldBe(201).Id;
            token = (await api.PostAsync($"organizations/{org}/access-keys", new { name = "k", description = "k", roleRefs = new[] { new { id = role, type = "organization" } } })).ShouldBe(201).Body["token"]!.GetValue<string>();
            connector = (await api.PostAsync($"workspaces/{ws}/connectors", EmulatorFixture.WhatsAppConnector(Phones.Next(), "EAAG-persisted-secret"))).ShouldBe(201).Id;
            channel = await Eventually.UntilAsync(
                async () => (await api.GetAsync($"workspaces/{ws}/connectors/{connector}")).Body["channel"]?["channelId"]?.GetValue<string>(),
                TimeSpan.FromSeconds(10),
                "the channel");
            subscription = (await api.PostAsync($"workspaces/{ws}/webhook-subscriptions", new { service = "channels", @event = "channel.created", url = "https://hooks.example.com/p", signingKey = "sk" })).ShouldBe(201).Id;
        }

        var file = await File.ReadAllTextAsync(DataFile);
        file.Should().NotContain(token, "only the token hash is stored").And.NotContain("EAAG-persisted-secret", "the connector secret is never kept");
        Directory.GetFiles(_dir).Should().Equal([DataFile], "the temp file of the atomic write is renamed away");

        await using var second = await EmbeddedEmulator.StartAsync(EmulatorFixture.TestOptions with { DataFile = DataFile }, CancellationToken.None);
        second.OrganizationId.Should().Be(org);
        second.WorkspaceId.Should().Be(ws);
        second.AdminAccessKey.Should().Be(admin);
        using var http2 = new HttpClient { BaseAddress = second.BaseUrl };
        var again = new BirdApi(http2, admin);
        (await again.GetAsync($"organizations/{org}/iam-policies/{policy}")).ShouldBe(200);
        (await again.GetAsync($"organizations/{org}/iam-roles/{role}")).ShouldBe(200);
        (await again.GetAsync($"workspaces/{ws}/channels/{channel}")).ShouldBe(200);
        (await again.GetAsync($"workspaces/{ws}/webhook-subscriptions/{subscription}")).ShouldBe(200);
        (await new BirdApi(http2, token).GetAsync($"workspaces/{ws}/connectors/{connector}")).ShouldBe(200, "the key's token still authenticates");
    }

    [Fact]
    public async Task PendingChannel_AppearsAfterRestart()
    {
        string ws, admin, connector;
        // The first emulator's clock never moves, so the channel is still pending when it stops, whatever the load.
        await using (var first = await EmbeddedEmulator.StartAsync(EmulatorFixture.TestOptions with { DataFile = DataFile, Time = new ManualClock() }, CancellationToken.None))
        {
            using var http = new HttpClient { BaseAddress = first.BaseUrl };
            (ws, admin) = (first.WorkspaceId, first.AdminAccessKey);
            var api = new BirdApi(http, admin);
            connector = (await api.PostAsync($"workspaces/{ws}/connectors", EmulatorFixture.WhatsAppConnector(Phones.Next()))).ShouldBe(201).Id;
            (await api.GetAsync($"workspaces/{ws}/connectors/{connector}")).ShouldBe(200).Body["channel"].Should().BeNull("the channel is still pending");
            (await api.GetAsync($"workspaces/{ws}/channels")).ShouldBe(200).Results.Should().BeEmpty();
        }

        await using var second = await EmbeddedEmulator.StartAsync(EmulatorFixture.TestOptions with { DataFile = DataFile }, CancellationToken.None);
        using var http2 = new HttpClient { BaseAddress = second.BaseUrl };
        await Eventually.UntilAsync(
            async () => (await new BirdApi(http2, admin).GetAsync($"workspaces/{ws}/connectors/{connector}")).Body["channel"]?["channelId"]?.GetValue<string>(),
            TimeSpan.FromSeconds(10),
            "the channel after restart");
    }

    [Fact]
    public async Task Restart_WithConflictingOrganizationId_FailsClearly()
    {
        await (await EmbeddedEmulator.StartAsync(EmulatorFixture.TestOptions with { DataFile = DataFile }, CancellationToken.None)).DisposeAsync();

        var act = () => EmbeddedEmulator.StartAsync(EmulatorFixture.TestOptions with { DataFile = DataFile, OrganizationId = Guid.NewGuid().ToString() }, CancellationToken.None);

        (await act.Should().ThrowAsync<EmulatorStartupException>()).WithMessage("*organization id*");
    }

    [Fact]
    public async Task FixedBootstrapValues_AreUsed()
    {
        var org = Guid.NewGuid().ToString();
        var ws = Guid.NewGuid().ToString();
        await using var emulator = await EmbeddedEmulator.StartAsync(
            EmulatorFixture.TestOptions with { OrganizationId = org, WorkspaceId = ws, AdminAccessKey = "FixedAdminKey123" }, CancellationToken.None);

        (emulator.OrganizationId, emulator.WorkspaceId, emulator.AdminAccessKey).Should().Be((org, ws, "FixedAdminKey123"));
        emulator.BaseUrl.AbsolutePath.Should().Be("/");
        emulator.BaseUrl.Host.Should().Be("127.0.0.1");
        using var http = new HttpClient { BaseAddress = emulator.BaseUrl };
        (await new BirdApi(http, "FixedAdminKey123").GetAsync($"organizations/{org}/workspaces/{ws}")).ShouldBe(200);
    }
}
