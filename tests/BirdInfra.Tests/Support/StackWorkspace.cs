using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using BirdInfra.Emulator.Configuration;
using BirdInfra.Emulator.Embedded;
using Microsoft.Extensions.Logging;

namespace BirdInfra.Tests.Support;

/// <summary>
/// A throwaway project folder with a stack file aimed at a fresh embedded emulator, known secret values in
/// its environment, and a way to run `birdinfra` in-process and to look at Bird through the admin key.
/// </summary>
public sealed class StackWorkspace : IAsyncDisposable
{
    public const string WhatsAppToken = "EAAG-known-whatsapp-token-7f3a9c";
    public const string SigningKey = "known-signing-key-51c0ffee";
    public const string Passphrase = "known-passphrase-for-tests";

    private readonly HttpClient _http;

    private StackWorkspace(EmbeddedEmulator emulator, string root)
    {
        Emulator = emulator;
        Root = root;
        _http = new HttpClient { BaseAddress = emulator.BaseUrl };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("AccessKey", emulator.AdminAccessKey);
        Environment = new Dictionary<string, string?>
        {
            ["BIRD_ORGANIZATION_ID"] = emulator.OrganizationId,
            ["BIRD_WORKSPACE_ID"] = emulator.WorkspaceId,
            ["BIRD_ACCESS_KEY"] = emulator.AdminAccessKey,
            ["WHATSAPP_ACCESS_TOKEN"] = WhatsAppToken,
            ["BIRD_WEBHOOK_SIGNING_KEY"] = SigningKey,
            ["BIRDINFRA_PASSPHRASE"] = Passphrase,
        };
    }

    public EmbeddedEmulator Emulator { get; }

    public string Root { get; }

    public Dictionary<string, string?> Environment { get; }

    public string StackFile => Path.Combine(Root, "stacks", "e2e.yaml");

    public string StateFile => Path.Combine(Root, ".birdinfra", "e2e", "state.json");

    public string BackupFile => StateFile + ".bak";

    public string LockFile => Path.Combine(Root, ".birdinfra", "e2e", "state.lock");

    /// <summary>Every secret value the scenario uses, including the admin key and tokens Bird minted.</summary>
    public List<string> KnownSecrets { get; } = [WhatsAppToken, SigningKey, Passphrase];

    /// <summary>
    /// Reads the secrets BirdInfra minted during the last `up` (the access key's token, main-outbound's generated
    /// signing key) from state and adds them to <see cref="KnownSecrets"/>.
    /// </summary>
    public async Task<(BirdInfra.Providers.Properties.PropertyValue Token, BirdInfra.Providers.Properties.PropertyValue SigningKey)> LearnMintedSecretsAsync()
    {
        var state = await OpenStateAsync();
        var token = state.Resources.Single(r => r.Address.Kind == "AccessKey").Outputs["token"]!;
        var signingKey = state.Resources.Single(r => r.Address.Name == "main-outbound").Inputs["signingKey"]!;
        KnownSecrets.Add(token.RevealString()!);
        KnownSecrets.Add(signingKey.RevealString()!);
        return (token, signingKey);
    }

    /// <param name="emulatorLog">Receives everything the emulator logs, down to Trace.</param>
    /// <param name="configure">Adjusts the emulator's options (e.g. response shapes) before it starts.</param>
    public static async Task<StackWorkspace> CreateAsync(string? stackYaml = null, ILoggerProvider? emulatorLog = null, Func<EmulatorOptions, EmulatorOptions>? configure = null)
    {
        var options = new EmulatorOptions { ChannelDelay = TimeSpan.FromMilliseconds(200), ChannelActivationDelay = TimeSpan.FromMilliseconds(100), LoggerProvider = emulatorLog, LoggerProviderLevel = LogLevel.Trace };
        var emulator = await EmbeddedEmulator.StartAsync(configure?.Invoke(options) ?? options, CancellationToken.None);
        var root = Directory.CreateTempSubdirectory("birdinfra-e2e-").FullName;
        Directory.CreateDirectory(Path.Combine(root, "stacks"));
        var workspace = new StackWorkspace(emulator, root);
        workspace.KnownSecrets.Add(emulator.AdminAccessKey);
        workspace.WriteStack(stackYaml ?? ScenarioStack.Yaml);
        return workspace;
    }

    /// <summary>The stack's state, read with the known passphrase from wherever it is kept (the state file, or PostgreSQL).</summary>
    public async Task<BirdInfra.State.StackState> OpenStateAsync()
    {
        if (PostgresSchema is { } schema)
        {
            await using var database = await BirdInfra.State.Postgres.PostgresStateDatabase.OpenAsync(Environment["BIRDINFRA_STATE_DB"]!, schema, CancellationToken.None);
            var (_, stored) = await BirdInfra.State.StateStore.OpenAsync(new BirdInfra.State.Postgres.PostgresStateMedium(database, "e2e"), "e2e", Passphrase, CancellationToken.None);
            return stored;
        }

        var (_, state) = await BirdInfra.State.StateStore.OpenAsync(StateFile, "e2e", Passphrase, CancellationToken.None);
        return state;
    }

    /// <summary>The schema holding this workspace's state in PostgreSQL, once <see cref="UsePostgres"/> moved it there.</summary>
    public string? PostgresSchema { get; private set; }

    /// <summary>Keeps the stack's state in <paramref name="server"/>, in a schema of its own; the connection string is a known secret.</summary>
    public void UsePostgres(PostgresServer server, string schema)
    {
        PostgresSchema = schema;
        Environment["BIRDINFRA_STATE_DB"] = server.ConnectionString;
        KnownSecrets.Add(PostgresServer.Password);
        KnownSecrets.Add(server.ConnectionString);
        File.AppendAllText(StackFile, $"\nstate:\n  backend: postgres\n  connection: {{ env: BIRDINFRA_STATE_DB }}\n  schema: {schema}\n");
    }

    public void WriteStack(string yaml) =>
        File.WriteAllText(StackFile, yaml.Replace("{{endpoint}}", Emulator.BaseUrl.ToString().TrimEnd('/'), StringComparison.Ordinal));

    /// <summary>Deletes the named entries (and their indented bodies) from the stack file, as a user deleting them would.</summary>
    public void RemoveStackEntries(params string[] names)
    {
        var lines = File.ReadAllLines(StackFile).ToList();
        foreach (var name in names)
        {
            var start = lines.IndexOf($"  {name}:");
            start.Should().BeGreaterThan(0);
            var end = start + 1;
            while (end < lines.Count && lines[end].StartsWith("    ", StringComparison.Ordinal))
            {
                end++;
            }

            lines.RemoveRange(start, end - start);
        }

        File.WriteAllLines(StackFile, lines);
    }

    public void EditStack(string from, string to)
    {
        var text = File.ReadAllText(StackFile);
        text.Should().Contain(from);
        File.WriteAllText(StackFile, text.Replace(from, to, StringComparison.Ordinal));
    }

    public Task<CliRun> RunAsync(params string[] args) => CliRunner.RunAsync(Root, name => Environment.GetValueOrDefault(name), args);

    /// <summary>Runs `birdinfra` with a confirmation callback of the test's own (which may block to hold a run mid-way).</summary>
    public Task<CliRun> RunAsync(Func<string, bool> confirm, params string[] args) => CliRunner.RunAsync(Root, name => Environment.GetValueOrDefault(name), confirm, args);

    public async Task<JsonElement> GetAsync(string path)
    {
        using var response = await _http.GetAsync(path.TrimStart('/'));
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.Should().BeTrue($"GET {path} answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Every result of a Bird list endpoint, across pages.</summary>
    public async Task<List<JsonElement>> ListAsync(string path)
    {
        var all = new List<JsonElement>();
        string? token = null;
        do
        {
            var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
            var page = await GetAsync($"{path}{separator}limit=100" + (token is null ? string.Empty : $"&pageToken={Uri.EscapeDataString(token)}"));
            all.AddRange(page.GetProperty("results").EnumerateArray());
            token = page.TryGetProperty("nextPageToken", out var next) && next.ValueKind == JsonValueKind.String && next.GetString()!.Length > 0 ? next.GetString() : null;
        }
        while (token is not null);
        return all;
    }

    public async Task SendAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        if (body is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(request);
        response.IsSuccessStatusCode.Should().BeTrue($"{method} {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>POSTs with the admin key, as an operator building Bird by hand would; returns Bird's answer.</summary>
    public async Task<JsonElement> PostAsync(string path, object body)
    {
        using var response = await _http.PostAsync(path.TrimStart('/'), new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.Should().BeTrue($"POST {path} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The status Bird answers a request made with <paramref name="accessKey"/> instead of the admin key.</summary>
    public async Task<System.Net.HttpStatusCode> StatusWithKeyAsync(string accessKey, HttpMethod method, string path, object? body = null)
    {
        using var http = new HttpClient { BaseAddress = Emulator.BaseUrl };
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        request.Headers.Authorization = new AuthenticationHeaderValue("AccessKey", accessKey);
        if (body is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>The calls since the last reset that could change Bird (anything but GET).</summary>
    public async Task<List<(string Method, string Path)>> MutatingCallsAsync() => [.. (await CallsAsync()).Where(c => c.Method != "GET")];

    public async Task ResetCallLogAsync() => await SendAsync(HttpMethod.Delete, "/_emulator/calls");

    /// <summary>The (method, path) of every API call since the last reset.</summary>
    public async Task<List<(string Method, string Path)>> CallsAsync()
    {
        var log = await GetAsync("/_emulator/calls");
        return log.GetProperty("results").EnumerateArray()
            .Select(c => (c.GetProperty("method").GetString()!, c.GetProperty("path").GetString()!))
            .ToList();
    }

    /// <summary>Output with what differs per run (folder, emulator URL, organization and workspace ids, the given ids) replaced by placeholders, for golden files.</summary>
    public string Stable(string text, params (string Value, string Placeholder)[] more)
    {
        text = text.Replace(Root, "<root>", StringComparison.Ordinal)
            .Replace(Emulator.BaseUrl.ToString().TrimEnd('/'), "<emulator>", StringComparison.Ordinal)
            .Replace(Emulator.OrganizationId, "<organization-id>", StringComparison.Ordinal)
            .Replace(Emulator.WorkspaceId, "<workspace-id>", StringComparison.Ordinal);
        return more.Aggregate(text, (t, m) => t.Replace(m.Value, m.Placeholder, StringComparison.Ordinal));
    }

    public string OrgPath(string rest) => $"/organizations/{Emulator.OrganizationId}/{rest}";

    public string WorkspacePath(string rest) => $"/workspaces/{Emulator.WorkspaceId}/{rest}";

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Emulator.DisposeAsync();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
