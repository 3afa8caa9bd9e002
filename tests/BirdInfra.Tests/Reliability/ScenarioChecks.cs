using System.Net;
using System.Net.Http.Headers;
using BirdInfra.Tests.Support;

namespace BirdInfra.Tests.Reliability;

/// <summary>
/// What "converged" means for the scenario stack, checked through Bird's own eyes: exactly the declared objects,
/// none twice, every one owned by state and nothing in state that Bird lacks, no pending create left, and the one
/// live access key is the one in state, whose token works.
/// </summary>
public static class ScenarioChecks
{
    /// <summary>Declared objects of <see cref="ScenarioStack"/> per kind.</summary>
    public static readonly IReadOnlyDictionary<string, int> Declared = new Dictionary<string, int>
    {
        ["AccessPolicy"] = 1,
        ["AccessRole"] = 1,
        ["AccessKey"] = 1,
        ["Connector"] = 1,
        ["WebhookSubscription"] = 3,
    };

    /// <summary>Asserts convergence; returns the number of duplicate objects found (0 when the assertions pass).</summary>
    public static async Task<int> AssertExactlyDeclaredAsync(StackWorkspace ws, string because)
    {
        var live = await BirdInventory.ReadAsync(ws);
        var state = await StateView.OpenAsync(ws);
        var duplicates = live.GroupBy(o => o.NaturalKey).Sum(g => g.Count() - 1);

        duplicates.Should().Be(0, $"Bird holds no object twice ({because}): {string.Join(", ", live.GroupBy(o => o.NaturalKey).Where(g => g.Count() > 1).Select(g => $"{g.Key} ×{g.Count()}"))}");
        live.GroupBy(o => o.Kind).ToDictionary(g => g.Key, g => g.Count()).Should().BeEquivalentTo(Declared, $"exactly the declared objects exist ({because})");
        state.State.Pending.Should().BeEmpty($"no create is left pending ({because})");
        state.Owned.Should().OnlyContain(r => !r.Deposed, $"nothing waits for deletion ({because})");
        state.Owned.Select(r => r.Id).Should().BeEquivalentTo(live.Select(o => o.Id), $"state owns every live object and nothing else ({because})");

        var key = state.Owned.Single(r => r.Address.Kind == "AccessKey");
        live.Single(o => o.Kind == "AccessKey").Id.Should().Be(key.Id, $"the one live key is the one in state ({because})");
        var token = state.AccessKeyToken();
        token.Should().NotBeNullOrEmpty($"state holds the access key's token ({because})");
        (await StatusWithTokenAsync(ws, token!)).Should().NotBe(HttpStatusCode.Unauthorized, $"the token in state belongs to the live key ({because})");
        return duplicates;
    }

    /// <summary>Every known secret, including the ones Bird or BirdInfra made (the key's token, generated signing keys).</summary>
    public static async Task<List<string>> AllSecretsAsync(StackWorkspace ws)
    {
        var state = await StateView.OpenAsync(ws);
        return ws.KnownSecrets.Concat(state.Secrets()).Where(s => s.Length >= 8).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>(secret prefix, where) for every secret found in plaintext in the given texts and the state files.</summary>
    public static List<string> Leaks(StackWorkspace ws, IReadOnlyList<string> secrets, IEnumerable<(string Where, string Text)> texts)
    {
        var files = new[] { ws.StateFile, ws.StateFile + ".bak" }.Where(File.Exists).Select(f => (Path.GetFileName(f), File.ReadAllText(f)));
        return texts.Concat(files)
            .SelectMany(t => secrets.Where(s => t.Item2.Contains(s, StringComparison.Ordinal)).Select(s => $"{s[..4]}… in {t.Item1}"))
            .ToList();
    }

    private static async Task<HttpStatusCode> StatusWithTokenAsync(StackWorkspace ws, string token)
    {
        using var http = new HttpClient { BaseAddress = ws.Emulator.BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Get, ws.WorkspacePath("channels").TrimStart('/'));
        request.Headers.Authorization = new AuthenticationHeaderValue("AccessKey", token);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
