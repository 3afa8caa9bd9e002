using System.Net;

namespace BirdInfra.Doctor;

/// <summary>
/// The read-only checks of <c>doctor</c>, before a first <c>up</c>: the endpoint (TLS), the key (authenticates), the
/// organization and workspace, every call BirdInfra will make for this stack (probed with <see cref="AccessProber"/>, so
/// nothing Bird holds can change), the server's clock, the state backend and its lock, and the passphrase. A refused call
/// becomes a policy row as narrow as the call needs.
/// </summary>
public static class StackDoctor
{
    /// <summary>How far the server's clock may be from ours before it is worth a warning.</summary>
    public static readonly TimeSpan ClockTolerance = TimeSpan.FromMinutes(1);

    public static async Task<DoctorReport> RunAsync(
        StackDefinition stack, StackPaths paths, BirdTarget target, KindRegistry kinds, Func<string, string?> environment, TimeProvider time, CancellationToken cancellationToken)
    {
        var checks = ImmutableArray.CreateBuilder<DoctorCheck>();
        var missing = ImmutableArray.CreateBuilder<MissingPermission>();
        var client = target.Client;
        var endpoint = client.Options.Endpoint;

        // The workspace read answers for the endpoint, the key, the organization and the workspace at once when it is allowed.
        var workspaceProbe = PermissionProbe.For(new BirdCall("GET", $"/organizations/{BirdCall.OrganizationId}/workspaces/{BirdCall.WorkspaceId}", "read the workspace"), target.OrganizationId, target.WorkspaceId);
        var first = await AccessProber.ProbeAsync(client, workspaceProbe with { Path = workspaceProbe.Resource }, cancellationToken);
        checks.Add(Endpoint(endpoint, first));
        if (first.Status is null)
        {
            checks.Add(new DoctorCheck("authentication", CheckStatus.Skip, "Bird did not answer, so the access key could not be tried."));
            return new DoctorReport(checks.ToImmutable().AddRange(await StateChecksAsync(stack, paths, environment, cancellationToken)), []);
        }

        if (first.Status == HttpStatusCode.Unauthorized)
        {
            checks.Add(new DoctorCheck("authentication", CheckStatus.Fail, $"GET {first.Probe.Path} answered 401 Unauthorized: Bird does not accept the access key.",
                $"Check the key in the variable {stack.Target.AccessKey?.EnvironmentVariable ?? "of target.accessKey"}: an access key of this organization, copied whole (Bird shows its token only once)."));
            return new DoctorReport(checks.ToImmutable().AddRange(await StateChecksAsync(stack, paths, environment, cancellationToken)), []);
        }

        checks.Add(new DoctorCheck("authentication", CheckStatus.Pass, first.Status == HttpStatusCode.Forbidden
            ? $"Bird accepts the access key (GET {first.Probe.Path} answered {first.Answer}: the key is known, it may not read the workspace)."
            : $"Bird accepts the access key (GET {first.Probe.Path} answered {first.Answer})."));

        var results = new List<ProbeResult>();
        foreach (var (call, users) in CallsOf(stack, kinds))
        {
            var probe = PermissionProbe.For(call, target.OrganizationId, target.WorkspaceId);
            var result = await AccessProber.ProbeAsync(client, probe, cancellationToken);
            if (call.Method == "PATCH" && result.Status == HttpStatusCode.MethodNotAllowed)
            {
                // Bird may update this object with PUT instead (the role update: see docs/bird-api-decisions.md); the action is the same.
                result = await AccessProber.ProbeAsync(client, probe with { Method = "PUT" }, cancellationToken);
            }

            results.Add(result);
            checks.Add(PermissionCheck(result, users));
            if (result.Verdict == ProbeVerdict.Denied)
            {
                missing.Add(new MissingPermission(probe.Action, probe.Resource));
            }
        }

        checks.InsertRange(2, ScopeChecks(first, results, target));
        checks.Add(Clock(first.ServerDate ?? results.Select(r => r.ServerDate).FirstOrDefault(d => d is not null), time));
        checks.AddRange(await StateChecksAsync(stack, paths, environment, cancellationToken));
        return new DoctorReport(checks.ToImmutable(), missing.ToImmutable());
    }

    /// <summary>Every call the stack's kinds make, once, with the stack's resources that need it.</summary>
    private static List<(BirdCall Call, ImmutableArray<string> Users)> CallsOf(StackDefinition stack, KindRegistry kinds)
    {
        var calls = new List<(BirdCall, ImmutableArray<string>)>();
        foreach (var kind in kinds.Declarable)
        {
            if (stack.In(kind.Stack!.Name) is not { IsEmpty: false } entries)
            {
                continue;
            }

            var users = entries.Select(e => $"{kind.Name}.{e.LogicalName}").ToImmutableArray();
            calls.AddRange(kind.Calls.Where(c => !calls.Any(known => known.Item1.Method == c.Method && known.Item1.Template == c.Template)).Select(c => (c, users)));
        }

        return calls;
    }

    private static DoctorCheck Endpoint(Uri endpoint, ProbeResult first)
    {
        if (first.Status is null)
        {
            return new DoctorCheck("endpoint", CheckStatus.Fail, $"{endpoint} did not answer: {first.Answer}.",
                "Check target.endpoint, the network and, for https, that the server's certificate is trusted on this machine.");
        }

        if (endpoint.Scheme == Uri.UriSchemeHttps)
        {
            return new DoctorCheck("endpoint", CheckStatus.Pass, $"{endpoint} answers over TLS.");
        }

        return endpoint.IsLoopback
            ? new DoctorCheck("endpoint", CheckStatus.Skip, $"{endpoint} is a loopback emulator: TLS does not apply.")
            : new DoctorCheck("endpoint", CheckStatus.Fail, $"{endpoint} is plain http: the access key would cross the network unencrypted.", "Use an https endpoint (api.bird.com is https://api.bird.com).");
    }

    /// <summary>Whether the organization and the workspace exist, from the workspace read or else from the list probes.</summary>
    private static IEnumerable<DoctorCheck> ScopeChecks(ProbeResult workspaceRead, List<ProbeResult> results, BirdTarget target)
    {
        if (workspaceRead.Verdict == ProbeVerdict.Allowed && workspaceRead.Status is { } ok && (int)ok < 300)
        {
            yield return new DoctorCheck("organization", CheckStatus.Pass, $"Organization {target.OrganizationId} exists.");
            yield return new DoctorCheck("workspace", CheckStatus.Pass, $"Workspace {target.WorkspaceId} exists in it (GET {workspaceRead.Probe.Path} answered {workspaceRead.Answer}).");
            yield break;
        }

        var organizationLists = results.Where(r => r.Probe.Method == "GET" && r.Probe.Path == r.Probe.Resource && !r.Probe.Resource.Contains("/workspaces/", StringComparison.Ordinal));
        var workspaceLists = results.Where(r => r.Probe.Method == "GET" && r.Probe.Path == r.Probe.Resource && r.Probe.Resource.Contains("/workspaces/", StringComparison.Ordinal));
        yield return Scope("organization", target.OrganizationId, "target.organizationId", organizationLists);
        yield return Scope("workspace", target.WorkspaceId, "target.workspaceId", workspaceLists.Append(workspaceRead));
    }

    private static DoctorCheck Scope(string name, string id, string setting, IEnumerable<ProbeResult> lists)
    {
        var answers = lists.ToList();
        if (answers.FirstOrDefault(r => r.Status is { } s && (int)s is >= 200 and < 300) is { } listed)
        {
            return new DoctorCheck(name, CheckStatus.Pass, $"The {name} {id} exists (GET {listed.Probe.Path} answered {listed.Answer}).");
        }

        if (answers.FirstOrDefault(r => r.Status == HttpStatusCode.NotFound) is { } gone)
        {
            return new DoctorCheck(name, CheckStatus.Fail, $"GET {gone.Probe.Path} answered 404 NotFound: Bird has no {name} {id} (or the key cannot see it).", $"Check {setting}.");
        }

        return new DoctorCheck(name, CheckStatus.Skip, $"Cannot tell whether the {name} {id} exists: the key may read nothing that would show it.");
    }

    private static DoctorCheck PermissionCheck(ProbeResult result, ImmutableArray<string> users)
    {
        var probe = result.Probe;
        var name = $"permission: {probe.Action} {probe.Resource}";
        var request = $"{probe.Method} {probe.Path}";
        var purpose = $"{Capitalised(probe.Call.Purpose)}, for {string.Join(", ", users.Take(3))}{(users.Length > 3 ? $" and {users.Length - 3} more" : string.Empty)}";
        var fix = $"Allow {probe.Action} on {probe.Resource} (see the definitions below).";
        return result.Verdict switch
        {
            ProbeVerdict.Allowed => new DoctorCheck(name, CheckStatus.Pass, $"{purpose}: {request} answered {result.Answer} (allowed)."),
            ProbeVerdict.Denied when probe.Call.Optional => new DoctorCheck(name, CheckStatus.Warn, $"{purpose}: {request} answered 403 Forbidden; BirdInfra goes on without it.", fix),
            ProbeVerdict.Denied => new DoctorCheck(name, CheckStatus.Fail, $"{purpose}: {request} answered 403 Forbidden.", fix),
            _ => new DoctorCheck(name, CheckStatus.Warn, $"{purpose}: {request} answered {result.Answer}, which does not tell whether the key may.", "Run doctor again; if it stays so, check this permission in Bird's console."),
        };
    }

    private static DoctorCheck Clock(DateTimeOffset? server, TimeProvider time)
    {
        if (server is not { } date)
        {
            return new DoctorCheck("clock", CheckStatus.Skip, "Bird sent no Date header to compare clocks with.");
        }

        var offset = time.GetUtcNow() - date;
        var seconds = Math.Abs(offset.TotalSeconds);
        return seconds <= ClockTolerance.TotalSeconds
            ? new DoctorCheck("clock", CheckStatus.Pass, $"This machine's clock is within {Math.Ceiling(seconds):0} s of Bird's.")
            : new DoctorCheck("clock", CheckStatus.Warn, $"This machine's clock is {seconds:0} s {(offset > TimeSpan.Zero ? "ahead of" : "behind")} Bird's (Date: {date:u}).",
                "Synchronise this machine's clock (NTP): webhook signatures carry timestamps, and history and locks record times.");
    }

    private static async Task<List<DoctorCheck>> StateChecksAsync(StackDefinition stack, StackPaths paths, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        var checks = new List<DoctorCheck>();
        StateBackend backend;
        try
        {
            backend = await StateBackend.OpenAsync(stack.State, paths, environment, cancellationToken);
        }
        catch (Exception e) when (e is UserError or StateException or System.Data.Common.DbException or IOException)
        {
            checks.Add(new DoctorCheck("state backend", CheckStatus.Fail, $"The state backend cannot be reached: {e.Message}", "Check the stack's state: setting and its connection."));
            checks.Add(new DoctorCheck("passphrase", CheckStatus.Skip, "The state backend cannot be reached."));
            return checks;
        }

        await using (backend)
        {
            try
            {
                var held = await backend.LockAsync("doctor", _ => { }, cancellationToken);
                await held.DisposeAsync();
                checks.Add(new DoctorCheck("state backend", CheckStatus.Pass, $"The {(backend.IsPostgres ? "PostgreSQL" : "local")} state backend is reachable and the stack can be locked."));
            }
            catch (Exception e) when (e is UserError or StateException or System.Data.Common.DbException or IOException)
            {
                checks.Add(new DoctorCheck("state backend", CheckStatus.Fail, $"The stack cannot be locked: {e.Message}", "If no run is going on, `birdinfra unlock` clears a lock a killed run left."));
            }

            if (await backend.Medium.ReadSnapshotAsync(cancellationToken) is null)
            {
                checks.Add(new DoctorCheck("passphrase", CheckStatus.Skip, "The stack has no state yet: the first up sets it up with the passphrase."));
                return checks;
            }

            try
            {
                var passphrase = await PassphraseSource.ResolveAsync(paths, stack.Target.UsesEmulator, environment, cancellationToken);
                await StateStore.OpenAsync(backend.Medium, paths.Stack, passphrase, cancellationToken);
                checks.Add(new DoctorCheck("passphrase", CheckStatus.Pass, "The passphrase opens the stack's state."));
            }
            catch (Exception e) when (e is UserError or StateException)
            {
                checks.Add(new DoctorCheck("passphrase", CheckStatus.Fail, e.Message, "Set BIRDINFRA_PASSPHRASE to the passphrase the state was written with."));
            }
        }

        return checks;
    }

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
