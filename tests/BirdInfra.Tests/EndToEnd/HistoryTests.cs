using System.Diagnostics;
using System.Text.Json;
using BirdInfra.Tests.Support;

namespace BirdInfra.Tests.EndToEnd;

/// <summary>`birdinfra history` against the emulator: every command that changed state leaves one record, newest first, with who, commit, changes and result.</summary>
public sealed class HistoryTests : IAsyncLifetime
{
    private const string ChannelsUrl = "https://contact-center.example.com/bird/channels";

    private StackWorkspace _ws = null!;

    public async Task InitializeAsync() => _ws = await StackWorkspace.CreateAsync();

    public async Task DisposeAsync() => await _ws.DisposeAsync();

    [Fact]
    public async Task UpEditUpDestroy_ListsOneRecordPerStateChangingCommand_NewestFirst_WithTheRightActions_AndNoSecret()
    {
        (await _ws.RunAsync("up", "--stack", "e2e", "--yes")).ExitCode.Should().Be(0);
        await _ws.LearnMintedSecretsAsync();
        (await _ws.RunAsync("up", "--stack", "e2e", "--yes")).ExitCode.Should().Be(0, "a run that changes nothing");
        (await _ws.RunAsync("preview", "--stack", "e2e")).ExitCode.Should().Be(0);
        _ws.EditStack(ChannelsUrl, ChannelsUrl + "-v2");
        (await _ws.RunAsync("up", "--stack", "e2e", "--yes")).ExitCode.Should().Be(0);
        _ws.Environment["GITHUB_ACTOR"] = "octocat";
        _ws.Environment["GITHUB_SERVER_URL"] = "https://github.com";
        _ws.Environment["GITHUB_REPOSITORY"] = "acme/contact-center";
        _ws.Environment["GITHUB_RUN_ID"] = "4242";
        (await _ws.RunAsync("destroy", "--stack", "e2e", "--yes")).ExitCode.Should().Be(0);

        var history = await _ws.RunAsync("history", "--stack", "e2e", "--json");

        history.ExitCode.Should().Be(0, history.All);
        var records = JsonDocument.Parse(history.Out).RootElement.EnumerateArray().ToList();
        records.Select(r => r.GetProperty("command").GetString()).Should().Equal(["destroy", "up", "up"], "runs that changed nothing leave no record");
        records.Should().OnlyContain(r => r.GetProperty("result").GetString() == "succeeded");
        Actions(records[0]).Should().HaveCount(7).And.OnlyContain(a => a == "delete:done");
        Actions(records[1]).Should().Equal("update:done");
        var url = records[1].GetProperty("changes")[0].GetProperty("properties").EnumerateArray().Single();
        (url.GetProperty("path").GetString(), url.GetProperty("old").GetString(), url.GetProperty("new").GetString())
            .Should().Be(("url", $"\"{ChannelsUrl}\"", $"\"{ChannelsUrl}-v2\""));
        Actions(records[2]).Should().HaveCount(7).And.OnlyContain(a => a == "create:done");
        records[2].GetProperty("summary").GetProperty("create").GetInt32().Should().Be(7);
        records[0].GetProperty("who").GetString().Should().Be("octocat");
        records[0].GetProperty("ci").GetString().Should().Be("GitHub Actions https://github.com/acme/contact-center/actions/runs/4242");
        records[1].GetProperty("who").GetString().Should().EndWith("@" + Environment.MachineName);
        records[1].GetProperty("commit").ValueKind.Should().Be(JsonValueKind.Null, "the workspace is not a git repository");
        DateTimeOffset.Parse(records[0].GetProperty("time").GetString()!, System.Globalization.CultureInfo.InvariantCulture)
            .Should().BeOnOrAfter(DateTimeOffset.Parse(records[2].GetProperty("time").GetString()!, System.Globalization.CultureInfo.InvariantCulture));

        var limited = await _ws.RunAsync("history", "--stack", "e2e", "--limit", "1");
        limited.Out.Should().Contain("  destroy  succeeded  by octocat").And.NotContain("  up  succeeded");
        var text = await _ws.RunAsync("history", "--stack", "e2e");
        text.Out.Should().Contain("  update WebhookSubscription.channel-created: done").And.Contain("url: \"https://contact-center.example.com/bird/channels\" → ");
        var file = File.ReadAllText(Path.Combine(_ws.Root, ".birdinfra", "e2e", "history.jsonl"));
        file.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(3, "one JSON record per line");
        foreach (var secret in _ws.KnownSecrets)
        {
            file.Should().NotContain(secret);
            (history.All + text.All).Should().NotContain(secret);
        }
    }

    [Fact]
    public async Task FailedUp_IsRecordedAsFailed_WithTheErrorAndWhatWasAndWasNotDone()
    {
        await _ws.SendAsync(HttpMethod.Post, "/_emulator/faults", new { method = "POST", path = "/workspaces/*/connectors", errorRate = 1.0, errorStatus = 503, remaining = 20 });

        var up = await _ws.RunAsync("up", "--stack", "e2e", "--yes");
        var history = await _ws.RunAsync("history", "--stack", "e2e", "--json");

        up.ExitCode.Should().Be(1, up.All);
        var record = JsonDocument.Parse(history.Out).RootElement.EnumerateArray().Should().ContainSingle().Subject;
        record.GetProperty("result").GetString().Should().Be("failed");
        record.GetProperty("error").GetString().Should().Contain("Create Connector main-number failed");
        var statuses = record.GetProperty("changes").EnumerateArray().ToDictionary(c => $"{c.GetProperty("kind").GetString()}.{c.GetProperty("name").GetString()}", c => c.GetProperty("status").GetString());
        statuses["AccessPolicy.contact-center"].Should().Be("done");
        statuses["Connector.main-number"].Should().Be("failed");
        statuses["WebhookSubscription.main-inbound"].Should().Be("skipped");
    }

    [Fact]
    public async Task Refresh_ThatRecordsDrift_AndUpFromASavedPlan_AreRecorded_WithTheGitCommitOfTheStackFile()
    {
        if (!await GitAsync("init", "-q") || !await GitAsync("add", "stacks/e2e.yaml") || !await GitAsync("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "stack"))
        {
            throw new InvalidOperationException("git is needed for this test");
        }

        var head = (await GitOutputAsync("rev-parse", "HEAD")).Trim();
        (await _ws.RunAsync("up", "--stack", "e2e", "--yes")).ExitCode.Should().Be(0);
        var subscription = (await _ws.ListAsync(_ws.OrgPath($"workspaces/{_ws.Emulator.WorkspaceId}/webhook-subscriptions"))).First(s => s.GetProperty("event").GetString() == "channel.created");
        await _ws.SendAsync(HttpMethod.Delete, _ws.OrgPath($"workspaces/{_ws.Emulator.WorkspaceId}/webhook-subscriptions/{subscription.GetProperty("id").GetString()}"));
        (await _ws.RunAsync("refresh", "--stack", "e2e")).ExitCode.Should().Be(0);
        _ws.EditStack(ChannelsUrl, ChannelsUrl + "-v2");
        (await _ws.RunAsync("preview", "--stack", "e2e", "--out", "plan.json")).ExitCode.Should().Be(0);
        (await _ws.RunAsync("up", "--stack", "e2e", "--plan", "plan.json", "--yes")).ExitCode.Should().Be(0);

        var records = JsonDocument.Parse((await _ws.RunAsync("history", "--stack", "e2e", "--json")).Out).RootElement.EnumerateArray().ToList();

        records.Select(r => r.GetProperty("command").GetString()).Should().Equal("up --plan plan.json", "refresh", "up");
        records[1].GetProperty("drift").EnumerateArray().Should().ContainSingle().Which.GetString().Should().Contain("WebhookSubscription.channel-created").And.Contain("deleted outside BirdInfra");
        Actions(records[0]).Should().Equal("create:done");
        records.Should().OnlyContain(r => r.GetProperty("commit").GetString() == head);
        records[2].GetProperty("stackFileModified").GetBoolean().Should().BeFalse();
        records[0].GetProperty("stackFileModified").GetBoolean().Should().BeTrue("the stack file was edited after the commit");
    }

    private static List<string> Actions(JsonElement record) =>
        [.. record.GetProperty("changes").EnumerateArray().Select(c => $"{c.GetProperty("action").GetString()}:{c.GetProperty("status").GetString()}")];

    private async Task<bool> GitAsync(params string[] args)
    {
        try
        {
            await GitOutputAsync(args);
            return true;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private async Task<string> GitOutputAsync(params string[] args)
    {
        var info = new ProcessStartInfo("git") { WorkingDirectory = _ws.Root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.Should().Be(0, $"git {string.Join(' ', args)}: {error}");
        return output;
    }
}
