using System.Text.Json;
using System.Text.RegularExpressions;
using BirdInfra.Tests.Reliability;
using BirdInfra.Tests.Support;

namespace BirdInfra.Tests.EndToEnd;

/// <summary>
/// `doctor` before a first `up`: read-only checks of the endpoint, the deploy key, its permissions for every call the
/// stack needs, the clock and the state, with the policy rows to add. The emulator's call log proves nothing changed.
/// </summary>
public sealed class DoctorTests
{
    [Fact]
    public async Task Doctor_WithTheAdminKey_PassesEveryCheck_AndChangesNothing()
    {
        await using var ws = await StackWorkspace.CreateAsync();

        var doctor = await ws.RunAsync("doctor", "--stack", "e2e", "--format", "json");

        doctor.ExitCode.Should().Be(0, doctor.All);
        var report = Report(doctor.Out);
        Checks(report).Should().OnlyContain(c => c.Status == "pass" || c.Name == "endpoint" || c.Name == "passphrase", doctor.Out);
        Checks(report).Single(c => c.Name == "endpoint").Status.Should().Be("skip", "TLS does not apply to a loopback emulator");
        Checks(report).Single(c => c.Name == "passphrase").Status.Should().Be("skip", "there is no state yet");
        Checks(report).Should().Contain(c => c.Name == $"permission: view /workspaces/{ws.Emulator.WorkspaceId}/channels/*");
        report.GetProperty("missingPermissions").GetArrayLength().Should().Be(0);
        await ExpectNothingChangedAsync(ws);
    }

    [Fact]
    public async Task Doctor_WhenBirdUpdatesRolesWithPut_ProbesPutAfterThe405()
    {
        await using var ws = await StackWorkspace.CreateAsync(configure: o => o with { RoleUpdateWithPut = true });

        var doctor = await ws.RunAsync("doctor", "--stack", "e2e");

        doctor.ExitCode.Should().Be(0, doctor.All);
        doctor.Out.Should().MatchRegex($@"PASS permission: update /organizations/{ws.Emulator.OrganizationId}/iam-roles/\*: Update one access role, for AccessRole.contact-center: PUT /organizations/{ws.Emulator.OrganizationId}/iam-roles/[0-9a-f-]+ answered 4\d\d ");
        await ExpectNothingChangedAsync(ws);
    }

    [Fact]
    public async Task Doctor_WithADeployKeyBuiltFromBirdsPermissionTable_WarnsForTheCatalogue_WithTheFix()
    {
        await using var ws = await StackWorkspace.CreateAsync();
        ws.Environment["BIRD_ACCESS_KEY"] = await DeployKey.CreateAsync(ws, "deploy", DeployKey.DocumentedTable(ws.Emulator.OrganizationId));
        await ws.ResetCallLogAsync();

        var doctor = await ws.RunAsync("doctor", "--stack", "e2e", "--json");

        doctor.ExitCode.Should().Be(0, doctor.All);
        var report = Report(doctor.Out);
        var catalogue = $"/workspaces/{ws.Emulator.WorkspaceId}/available-webhooks";
        var warned = Checks(report).Where(c => c.Status == "warn").Should().ContainSingle().Subject;
        warned.Name.Should().Be($"permission: view {catalogue}");
        warned.Detail.Should().Contain("answered 403 Forbidden").And.Contain("built-in catalogue");
        warned.Fix.Should().Contain($"Allow view on {catalogue}");
        Checks(report).Should().NotContain(c => c.Status == "fail");
        Checks(report).Single(c => c.Name == "organization").Status.Should().Be("pass", "the IAM lists show it");
        Checks(report).Single(c => c.Name == "workspace").Status.Should().Be("pass", "the connector list shows it");
        Missing(report).Should().Equal(("view", catalogue));

        var text = await ws.RunAsync("doctor", "--stack", "e2e");

        text.ExitCode.Should().Be(0, text.All);
        text.Out.Should().Contain($"WARN permission: view {catalogue}: ")
            .And.Contain("  - effect: allow\n    actions: [view]\n    resources:\n      - " + catalogue + "\n".ReplaceLineEndings())
            .And.Contain("warnings, 0 failed");
        await ExpectNothingChangedAsync(ws);
    }

    [Fact]
    public async Task Doctor_WithoutViewOnChannels_FailsNamingTheConnectorsReadiness()
    {
        await using var ws = await StackWorkspace.CreateAsync();
        ws.Environment["BIRD_ACCESS_KEY"] = await DeployKey.CreateAsync(ws, "deploy", DeployKey.DocumentedTable(ws.Emulator.OrganizationId, viewChannels: false));
        await ws.ResetCallLogAsync();

        var doctor = await ws.RunAsync("doctor", "--stack", "e2e");

        doctor.ExitCode.Should().Be(1, doctor.All);
        doctor.Out.Should().Contain($"FAIL permission: view /workspaces/{ws.Emulator.WorkspaceId}/channels/*: Read a connector's channel (a connector is ready when it is active), for Connector.main-number: GET /workspaces/{ws.Emulator.WorkspaceId}/channels/")
            .And.Contain("answered 403 Forbidden.")
            .And.Contain($"      - /workspaces/{ws.Emulator.WorkspaceId}/channels/*");
        var stable = Regex.Replace(ws.Stable(doctor.Out), "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<random-id>");
        Golden.Match(Regex.Replace(stable, @"within \d+ s of Bird's", "within <n> s of Bird's"), "EndToEnd", "Golden", "doctor-without-channel-view.txt");
        await ExpectNothingChangedAsync(ws);
    }

    [Fact]
    public async Task Doctor_ThePolicyRowsItPrints_AppliedToAFreshKey_LetUpSucceed()
    {
        await using var ws = await StackWorkspace.CreateAsync();
        ws.Environment["BIRD_ACCESS_KEY"] = await DeployKey.CreateAsync(ws, "bare", DeployKey.Allow(["view"], "/workspaces/*/verify"));
        await ws.ResetCallLogAsync();

        var doctor = await ws.RunAsync("doctor", "--stack", "e2e", "--json");

        doctor.ExitCode.Should().Be(1, doctor.All);
        var missing = Missing(Report(doctor.Out));
        missing.Should().HaveCountGreaterThan(20, "the bare key may make none of the stack's calls");
        await ExpectNothingChangedAsync(ws);
        var definitions = missing.GroupBy(m => m.Action).Select(g => DeployKey.Allow([g.Key], [.. g.Select(m => m.Resource)])).ToArray();
        ws.Environment["BIRD_ACCESS_KEY"] = await DeployKey.CreateAsync(ws, "fresh", definitions);

        var again = await ws.RunAsync("doctor", "--stack", "e2e", "--json");
        var up = await ws.RunAsync("up", "--stack", "e2e", "--yes");

        again.ExitCode.Should().Be(0, again.All);
        Missing(Report(again.Out)).Should().BeEmpty();
        up.ExitCode.Should().Be(0, up.All);
        up.Error.Should().NotContain("warning", "the rows include the catalogue's own path");
        (await ws.RunAsync("preview", "--stack", "e2e", "--detailed-exitcode")).ExitCode.Should().Be(0);
    }

    /// <summary>The call log since the last reset: no call that could change Bird was answered 2xx.</summary>
    private static async Task ExpectNothingChangedAsync(StackWorkspace ws)
    {
        var calls = await CallLog.ReadAsync(ws);
        calls.Should().NotBeEmpty();
        calls.Where(CallLog.IsMutating).Should().OnlyContain(c => c.Status < 200 || c.Status >= 300, "doctor's probes are refused or find nothing");
    }

    private static JsonElement Report(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private static List<(string Name, string Status, string Detail, string Fix)> Checks(JsonElement report) =>
        [.. report.GetProperty("checks").EnumerateArray().Select(c => (c.GetProperty("name").GetString()!, c.GetProperty("status").GetString()!, c.GetProperty("detail").GetString()!, c.GetProperty("fix").GetString()!))];

    private static List<(string Action, string Resource)> Missing(JsonElement report) =>
        [.. report.GetProperty("missingPermissions").EnumerateArray().Select(m => (m.GetProperty("action").GetString()!, m.GetProperty("resource").GetString()!))];
}
