using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace BirdInfra.Tests.Support;

/// <summary>
/// A real, throwaway PostgreSQL server for the tests: a cluster made with Debian's <c>initdb</c> in a temp folder,
/// started with <c>pg_ctl</c> on a free loopback port, password-protected, run as an unprivileged user (the
/// <c>postgres</c> account when the tests run as root, since PostgreSQL refuses to run as root). Tests skip, saying
/// why, only when no PostgreSQL binaries exist; <c>.ci/run</c> installs them, so CI always has them.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string Password = "known-db-password-3f9d1c";

    private readonly string _bin;
    private readonly string _directory;

    private PostgresServer(string bin, string directory, int port)
    {
        _bin = bin;
        _directory = directory;
        Port = port;
    }

    public int Port { get; private set; }

    /// <summary>The connection string, a secret: it holds <see cref="Password"/>.</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=birdinfra;Password={Password};Database=postgres;Timeout=5;Command Timeout=15";

    /// <summary>Where Debian's PostgreSQL keeps its server binaries (the newest version), or null when it is not installed.</summary>
    public static string? FindBinaries()
    {
        if (Environment.GetEnvironmentVariable("BIRDINFRA_PG_BIN") is { Length: > 0 } configured && File.Exists(Path.Combine(configured, "initdb")))
        {
            return configured;
        }

        return Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
    }

    /// <summary>The message a test skips with when <see cref="FindBinaries"/> finds nothing.</summary>
    public const string Missing = "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): install Debian's postgresql package, as tests/run.sh does, to run the shared-state tests.";

    public static async Task<PostgresServer> StartAsync()
    {
        var bin = FindBinaries() ?? throw new InvalidOperationException(Missing);
        var directory = Directory.CreateTempSubdirectory("birdinfra-pg-").FullName;
        var passwordFile = Path.Combine(directory, "pw");
        await File.WriteAllTextAsync(passwordFile, Password);
        if (Environment.UserName == "root")
        {
            await RunAsync("chown", ["-R", "postgres:postgres", directory]);
        }

        var server = new PostgresServer(bin, directory, FreePort());
        await server.AsServerUserAsync("initdb", "-D", server.DataDirectory, "-U", "birdinfra", "--pwfile", passwordFile, "-A", "scram-sha-256", "-E", "UTF8", "--locale=C", "--no-sync");
        File.Delete(passwordFile);
        await server.StartServerAsync();
        return server;
    }

    private string DataDirectory => Path.Combine(_directory, "data");

    /// <summary>Stops the server at once (as a crash or an operator's restart would), ending every session.</summary>
    public Task StopAsync() => AsServerUserAsync("pg_ctl", "-D", DataDirectory, "-m", "immediate", "-w", "stop");

    /// <summary>Starts the stopped server again on the same port.</summary>
    public Task StartServerAsync() => AsServerUserAsync(
        "pg_ctl", "-D", DataDirectory, "-l", Path.Combine(_directory, "server.log"), "-w", "-t", "60",
        "-o", $"-p {Port} -k {_directory} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off", "start");

    /// <summary>Every row of every table in <paramref name="schema"/>, as text (for the secret search).</summary>
    public async Task<string> DumpAsync(string schema)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = @schema ORDER BY table_name", connection))
        {
            list.Parameters.AddWithValue("schema", schema);
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var dump = new System.Text.StringBuilder();
        foreach (var table in tables)
        {
            await using var select = new NpgsqlCommand($"SELECT t::text FROM \"{schema}\".\"{table}\" t", connection);
            await using var reader = await select.ExecuteReaderAsync();
            dump.Append("-- ").Append(table).Append('\n');
            while (await reader.ReadAsync())
            {
                dump.Append(reader.GetString(0)).Append('\n');
            }
        }

        return dump.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        catch (InvalidOperationException)
        {
            // Already stopped by the test.
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private Task AsServerUserAsync(string tool, params string[] args) =>
        Environment.UserName == "root"
            ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. args])
            : RunAsync(Path.Combine(_bin, tool), args);

    private static async Task RunAsync(string program, string[] args)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited {process.ExitCode}: {await output}{await error}");
        }
    }
}
