using BirdInfra.Emulator.Tests.Support;

namespace BirdInfra.Emulator.Tests.Api;

public sealed class WorkspaceTests(EmulatorFixture f) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task List_ReturnsTheBootstrapWorkspace()
    {
        var response = (await f.Admin.GetAsync($"organizations/{f.Org}/workspaces")).ShouldBe(200);

        response.ResultIds.Should().Equal(f.Ws);
        response.Results[0]["organizationId"]!.GetValue<string>().Should().Be(f.Org);
        response.Results[0]["status"]!.GetValue<string>().Should().Be("active");
        response.Body["nextPageToken"].Should().BeNull("a single page has no next token");
    }

    [Fact]
    public async Task Get_ReturnsWorkspaceWithMillisecondUtcTimestamps()
    {
        var body = (await f.Admin.GetAsync($"organizations/{f.Org}/workspaces/{f.Ws}")).ShouldBe(200).Body;

        body["id"]!.GetValue<string>().Should().Be(f.Ws);
        body["createdAt"]!.GetValue<string>().Should().MatchRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$");
    }

    [Fact]
    public async Task Get_UnknownWorkspaceOrOrganization_Is404()
    {
        (await f.Admin.GetAsync($"organizations/{f.Org}/workspaces/{Guid.NewGuid()}")).ShouldBeError(404, "NotFound");
        (await f.Admin.GetAsync($"organizations/{Guid.NewGuid()}/workspaces")).ShouldBeError(404, "NotFound");
    }

    [Fact]
    public async Task Requests_WithoutOrWithUnknownKey_Are401()
    {
        (await f.As(null).GetAsync($"organizations/{f.Org}/workspaces")).ShouldBeError(401, "Unauthorized");
        (await f.As("NotARealTokenNotARealTokenNotARealTo").GetAsync($"organizations/{f.Org}/workspaces")).ShouldBeError(401, "Unauthorized");
    }

    [Fact]
    public async Task Head_IsServedLikeGet_WithoutBody()
    {
        var response = (await f.Admin.SendAsync(HttpMethod.Head, $"organizations/{f.Org}/workspaces/{f.Ws}", null)).ShouldBe(200);
        response.Text.Should().BeEmpty();
    }

    [Fact]
    public async Task UnknownPath_IsJson404_AndWrongMethodIsJson405()
    {
        (await f.Admin.GetAsync("no/such/path")).ShouldBeError(404, "NotFound");
        (await f.Admin.PutAsync($"workspaces/{f.Ws}/connectors", "{}")).ShouldBeError(405, "MethodNotAllowed");
    }
}
