using System.Text.Json.Nodes;
using BirdInfra.Emulator.Configuration;
using BirdInfra.Emulator.Embedded;

namespace BirdInfra.Emulator.Tests.Support;

/// <summary>One embedded emulator per test class (xunit class fixture), plus helpers that build the scenario's objects.</summary>
public class EmulatorFixture : IAsyncLifetime
{
    private HttpClient? _http;

    public EmbeddedEmulator Emulator { get; private set; } = null!;

    public BirdApi Admin { get; private set; } = null!;

    public string Org => Emulator.OrganizationId;

    public string Ws => Emulator.WorkspaceId;

    /// <summary>Fast settings for tests: short channel delay, loopback webhooks, quick retries, seeded faults.</summary>
    public static EmulatorOptions TestOptions => new()
    {
        ChannelDelay = TimeSpan.FromSeconds(0.2),
        ChannelActivationDelay = TimeSpan.FromSeconds(0.3),
        AllowHttpWebhooks = true,
        WebhookRetryBaseDelay = TimeSpan.FromMilliseconds(50),
        WebhookMaxAttempts = 4,
        FaultSeed = 7,
    };

    protected virtual EmulatorOptions Options => TestOptions;

    public async Task InitializeAsync()
    {
        Emulator = await EmbeddedEmulator.StartAsync(Options, CancellationToken.None);
        _http = new HttpClient { BaseAddress = Emulator.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        Admin = new BirdApi(_http, Emulator.AdminAccessKey);
    }

    public async Task DisposeAsync()
    {
        _http?.Dispose();
        await Emulator.DisposeAsync();
    }

    public BirdApi As(string? token) => new(_http!, token);

    public async Task<string> CreatePolicyAsync(params object[] definitions)
    {
        var response = await Admin.PostAsync($"organizations/{Org}/iam-policies", new { name = $"policy-{Guid.NewGuid():N}", definitions });
        return response.ShouldBe(201).Id;
    }

    public async Task<string> CreateRoleAsync(params string[] policyIds)
    {
        var response = await Admin.PostAsync($"organizations/{Org}/iam-roles", new
        {
            name = $"role-{Guid.NewGuid():N}",
            policies = policyIds.Select(id => new { id, type = "organization" }).ToArray(),
        });
        return response.ShouldBe(201).Id;
    }

    /// <summary>Creates a key bound to one role and returns its token.</summary>
    public async Task<string> CreateKeyAsync(string roleId, params string[] workspaces)
    {
        var response = await Admin.PostAsync($"organizations/{Org}/access-keys", new
        {
            name = $"key-{Guid.NewGuid():N}",
            description = "test key",
            // No workspaces: the role applies organization-wide (an empty list is refused, as Bird gives it no meaning).
            roleRefs = workspaces.Length == 0
                ? (object)new[] { new { id = roleId, type = "organization" } }
                : new[] { new { id = roleId, type = "organization", workspaces } },
        });
        return response.ShouldBe(201).Body["token"]!.GetValue<string>();
    }

    /// <summary>The six-row contact-center policy of shared/scenario.md, its role and a key.</summary>
    public async Task<string> CreateContactCenterKeyAsync()
    {
        var hooks = $"/organizations/{Org}/workspaces/*/webhook-subscriptions";
        var policy = await CreatePolicyAsync(
            new { effect = "allow", actions = new[] { "create" }, resources = new[] { "/workspaces/*/channels/*/messages" } },
            new { effect = "allow", actions = new[] { "create" }, resources = new[] { "/workspaces/*/verify" } },
            new { effect = "allow", actions = new[] { "create" }, resources = new[] { hooks } },
            new { effect = "allow", actions = new[] { "view" }, resources = new[] { "/workspaces/*/channels/*" } },
            new { effect = "allow", actions = new[] { "view" }, resources = new[] { hooks } },
            new { effect = "allow", actions = new[] { "delete" }, resources = new[] { hooks + "/*" } });
        return await CreateKeyAsync(await CreateRoleAsync(policy));
    }

    public static object WhatsAppConnector(string phone, string accessToken = "EAAG-secret-token") => new
    {
        name = $"WhatsApp {phone}",
        connectorTemplateRef = "whatsapp:1",
        arguments = new { wabaId = "102290129340398", phoneId = "106540352242922", phoneNumber = phone },
        securityArguments = new { oauth = new { accessToken } },
    };

    public async Task<JsonNode> CreateConnectorAsync(string? phone = null)
    {
        var response = await Admin.PostAsync($"workspaces/{Ws}/connectors", WhatsAppConnector(phone ?? Phones.Next()));
        return response.ShouldBe(201).Body;
    }

    /// <summary>Polls the connector until its channel link appears; returns the channel id.</summary>
    public async Task<string> WaitForChannelAsync(string connectorId) =>
        await Eventually.UntilAsync(
            async () => (await Admin.GetAsync($"workspaces/{Ws}/connectors/{connectorId}")).Body["channel"]?["channelId"]?.GetValue<string>(),
            TimeSpan.FromSeconds(10),
            "the connector's channel");

    /// <summary>Polls the channel until it has <paramref name="status"/>.</summary>
    public async Task WaitForChannelStatusAsync(string channelId, string status) =>
        await Eventually.UntilAsync(
            async () => (await Admin.GetAsync($"workspaces/{Ws}/channels/{channelId}")).Body["status"]?.GetValue<string>() == status ? status : null,
            TimeSpan.FromSeconds(10),
            $"the channel's status '{status}'");

    public async Task<string> CreateChannelAsync()
    {
        var connector = await CreateConnectorAsync();
        return await WaitForChannelAsync(connector["id"]!.GetValue<string>());
    }
}
