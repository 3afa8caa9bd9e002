using System.Text;
using System.Text.Json.Nodes;
using BirdInfra.Emulator.Tests.Support;

namespace BirdInfra.Emulator.Tests.Api;

/// <summary>Keyset pagination over a controlled set (this class owns its emulator, so it knows every policy that exists).</summary>
public sealed class PaginationTests(EmulatorFixture f) : IClassFixture<EmulatorFixture>
{
    private string Policies => $"organizations/{f.Org}/iam-policies";

    [Fact]
    public async Task Forward_And_Reverse_WalkEveryItemOnceInCreatedAtThenIdOrder()
    {
        var created = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            created.Add(await f.CreatePolicyAsync(new { effect = "allow", actions = new[] { "view" }, resources = new[] { $"/p{i}" } }));
        }

        var forward = await WalkAsync(reverse: false, limit: 3);
        var backward = await WalkAsync(reverse: true, limit: 3);

        var total = (await f.Admin.GetAsync($"{Policies}?limit=100")).ResultIds.Count;
        total.Should().BeGreaterThanOrEqualTo(7);
        forward.Pages.Should().Be((total + 2) / 3);
        backward.Pages.Should().Be((total + 2) / 3);
        forward.Items.Should().HaveCount(total);
        forward.Items.Select(Id).Should().Contain(created).And.OnlyHaveUniqueItems();
        forward.Items.Select(i => (i["createdAt"]!.GetValue<string>(), Id(i)))
            .Should().BeInAscendingOrder(Comparer<(string, string)>.Create((a, b) =>
                a.Item1 != b.Item1 ? string.CompareOrdinal(a.Item1, b.Item1) : string.CompareOrdinal(a.Item2, b.Item2)));
        backward.Items.Select(Id).Should().Equal(forward.Items.Select(Id).Reverse());
    }

    [Fact]
    public async Task Token_IsBase64OfEpochMsAndId()
    {
        await f.CreatePolicyAsync(new { effect = "allow", actions = new[] { "view" }, resources = new[] { "/a" } });
        await f.CreatePolicyAsync(new { effect = "allow", actions = new[] { "view" }, resources = new[] { "/b" } });

        var page = (await f.Admin.GetAsync($"{Policies}?limit=1")).ShouldBe(200);
        var token = page.Body["nextPageToken"]!.GetValue<string>();
        var decoded = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(token)))!.AsArray();

        decoded[1]!.GetValue<string>().Should().Be(page.ResultIds[0]);
        DateTimeOffset.FromUnixTimeMilliseconds(decoded[0]!.GetValue<long>())
            .Should().Be(DateTimeOffset.Parse(page.Results[0]["createdAt"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Limit_OutOfRange_Is400()
    {
        (await f.Admin.GetAsync($"{Policies}?limit=101")).ShouldBeError(400, "BadRequest");
        (await f.Admin.GetAsync($"{Policies}?reverse=sideways")).ShouldBeError(400, "BadRequest");
    }

    private static string Id(JsonNode n) => n["id"]!.GetValue<string>();

    private async Task<(List<JsonNode> Items, int Pages)> WalkAsync(bool reverse, int limit)
    {
        var items = new List<JsonNode>();
        string? token = null;
        var pages = 0;
        do
        {
            var query = $"limit={limit}&reverse={reverse.ToString().ToLowerInvariant()}" + (token is null ? "" : $"&pageToken={Uri.EscapeDataString(token)}");
            var page = (await f.Admin.GetAsync($"{Policies}?{query}")).ShouldBe(200);
            pages++;
            items.AddRange(page.Results);
            token = page.Body["nextPageToken"]?.GetValue<string>();
            pages.Should().BeLessThan(20, "pagination must terminate");
        }
        while (!string.IsNullOrEmpty(token));

        return (items, pages);
    }
}
