using System.Net;
using System.Text.Json.Nodes;
using BirdInfra.Providers.AccessKey;
using BirdInfra.Providers.AccessPolicy;
using BirdInfra.Providers.AccessRole;
using BirdInfra.Providers.Client;
using BirdInfra.Providers.Kinds;
using BirdInfra.Providers.Properties;
using static BirdInfra.Providers.Tests.Kinds.P;

namespace BirdInfra.Providers.Tests.Integration;

/// <summary>Policy, role and access key against the emulator: full CRUD, in-place role updates (PATCH, or PUT after a 405), and a usable key token.</summary>
public sealed class IamIntegrationTests
{
    private readonly AccessPolicyKind _policies = new();
    private readonly AccessRoleKind _roles = new();
    private readonly AccessKeyKind _keys = new();

    private static PropertyMap PolicyInputs(string name, params string[] viewResources) => Map(
        ("name", S(name)),
        ("description", S("integration test")),
        ("definitions", L(M(("effect", S("allow")), ("actions", L("view")), ("resources", L(viewResources))))));

    [Fact]
    public async Task AccessPolicy_CreateListReadDelete()
    {
        await using var f = await EmulatorFixture.StartAsync();
        var ct = CancellationToken.None;

        var created = await _policies.CreateAsync(f.Context, PolicyInputs("p1", "/workspaces/*/channels", "/workspaces/*/channels"), ct);

        created.Outputs["id"].Should().Be(S(created.Id));
        created.Outputs["type"].Should().Be(S("organization"));
        _policies.Diff(created, PolicyInputs("p1", "/workspaces/*/channels")).Should().Be(DiffResult.Same, "what Bird returns normalises to the inputs");
        (await _policies.ListAsync(f.Context, ct)).Should().ContainSingle(s => s.Id == created.Id);
        (await _policies.ReadAsync(f.Context, created, ct))!.Inputs.Should().Equal(created.Inputs);

        await _policies.DeleteAsync(f.Context, created, ct);

        (await _policies.ReadAsync(f.Context, created, ct)).Should().BeNull();
        await _policies.DeleteAsync(f.Context, created, ct);
    }

    [Fact]
    public async Task AccessRole_UpdatesInPlaceWithOnePatch()
    {
        await using var f = await EmulatorFixture.StartAsync();
        var ct = CancellationToken.None;
        var p1 = await _policies.CreateAsync(f.Context, PolicyInputs("p1", "/a"), ct);
        var p2 = await _policies.CreateAsync(f.Context, PolicyInputs("p2", "/b"), ct);
        var role = await _roles.CreateAsync(f.Context, Map(("name", S("r")), ("policies", L(M(("id", S(p1.Id)))))), ct);
        role.Outputs["type"].Should().Be(S("organization"));

        var desired = Map(("name", S("r2")), ("description", S("renamed")), ("policies", L(M(("id", S(p2.Id))), M(("id", S(p1.Id))))));
        _roles.Diff(role, desired).Outcome.Should().Be(DiffOutcome.Update);
        await f.ClearCallsAsync();

        var updated = await _roles.UpdateAsync(f.Context, role, desired, ct);

        (await f.CallsAsync()).Should().ContainSingle().Which.Method.Should().Be("PATCH");
        updated.Id.Should().Be(role.Id);
        _roles.Diff(updated, desired).Should().Be(DiffResult.Same);
        (await _roles.ListAsync(f.Context, ct)).Should().ContainSingle(s => s.Id == role.Id).Which.Inputs.Should().Equal(updated.Inputs);

        var cleared = await _roles.UpdateAsync(f.Context, updated, Map(("name", S("r2")), ("policies", L(M(("id", S(p2.Id)))))), ct);
        cleared.Inputs.ContainsKey("description").Should().BeFalse();

        await _roles.DeleteAsync(f.Context, cleared, ct);
        (await _roles.ReadAsync(f.Context, cleared, ct)).Should().BeNull();
    }

    [Fact]
    public async Task AccessRole_WhenBirdAnswersPatchWith405_ReadsTheRoleAndPutsItWhole_AndTheClientRemembersPut()
    {
        await using var f = await EmulatorFixture.StartAsync(roleUpdateWithPut: true);
        var ct = CancellationToken.None;
        var p1 = await _policies.CreateAsync(f.Context, PolicyInputs("p1", "/a"), ct);
        var first = await _roles.CreateAsync(f.Context, Map(("name", S("r1")), ("description", S("one")), ("policies", L(M(("id", S(p1.Id)))))), ct);
        var second = await _roles.CreateAsync(f.Context, Map(("name", S("r2")), ("policies", L(M(("id", S(p1.Id)))))), ct);
        await f.ClearCallsAsync();

        var firstDesired = Map(("name", S("r1")), ("description", S("one, reworded")), ("policies", L(M(("id", S(p1.Id))))));
        var firstUpdated = await _roles.UpdateAsync(f.Context, first, firstDesired, ct);
        var secondDesired = Map(("name", S("r2")), ("description", S("two")), ("policies", L(M(("id", S(p1.Id))))));
        var secondUpdated = await _roles.UpdateAsync(f.Context, second, secondDesired, ct);

        (await f.CallsAsync()).Select(c => (c.Method, c.Path, c.Status)).Should().Equal(
            ("PATCH", $"/organizations/{f.Emulator.OrganizationId}/iam-roles/{first.Id}", 405),
            ("GET", $"/organizations/{f.Emulator.OrganizationId}/iam-roles/{first.Id}", 200),
            ("PUT", $"/organizations/{f.Emulator.OrganizationId}/iam-roles/{first.Id}", 200),
            ("GET", $"/organizations/{f.Emulator.OrganizationId}/iam-roles/{second.Id}", 200),
            ("PUT", $"/organizations/{f.Emulator.OrganizationId}/iam-roles/{second.Id}", 200));
        _roles.Diff(firstUpdated, firstDesired).Should().Be(DiffResult.Same, "the PUT carried the whole role, policies included");
        _roles.Diff(secondUpdated, secondDesired).Should().Be(DiffResult.Same);
        (await _roles.ReadAsync(f.Context, firstUpdated, ct))!.Inputs.Should().Equal(firstUpdated.Inputs);
    }

    [Fact]
    public async Task AccessRole_APatchRefusedForAnotherReason_IsNotRetriedAsPut()
    {
        await using var f = await EmulatorFixture.StartAsync();
        var ct = CancellationToken.None;
        await _roles.CreateAsync(f.Context, Map(("name", S("taken"))), ct);
        var role = await _roles.CreateAsync(f.Context, Map(("name", S("r"))), ct);
        await f.ClearCallsAsync();

        var failure = await FluentActions.Awaiting(() => _roles.UpdateAsync(f.Context, role, Map(("name", S("taken"))), ct))
            .Should().ThrowAsync<BirdApiException>();

        failure.Which.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await f.CallsAsync()).Select(c => c.Method).Should().Equal("PATCH");
    }

    [Fact]
    public async Task AccessKey_TokenIsCapturedOnceAndWorks()
    {
        await using var f = await EmulatorFixture.StartAsync();
        var ct = CancellationToken.None;
        var policy = await _policies.CreateAsync(f.Context, PolicyInputs("channels-viewer", "/workspaces/*/channels"), ct);
        var role = await _roles.CreateAsync(f.Context, Map(("name", S("viewer")), ("policies", L(M(("id", S(policy.Id)))))), ct);
        var inputs = Map(("name", S("cc-key")), ("description", S("contact center")), ("roleRefs", L(M(("id", S(role.Id))))));

        var key = await _keys.CreateAsync(f.Context, inputs, ct);

        var token = key.Outputs["token"]!;
        token.IsSecret.Should().BeTrue();
        key.Outputs["suffix"]!.AsString().Should().Be(token.RevealString()![^4..]);
        key.ToString().Should().NotContain(token.RevealString());
        using (var asKey = EmulatorFixture.NewClient(f.Emulator, token.RevealString()!))
        {
            var channels = await asKey.GetAsync<JsonObject>(BirdPaths.Of("workspaces", f.Emulator.WorkspaceId, "channels"), ct);
            channels["results"].Should().NotBeNull();
            var forbidden = await FluentActions.Awaiting(() => asKey.GetAsync<JsonObject>(BirdPaths.Of("organizations", f.Emulator.OrganizationId, "iam-policies"), ct))
                .Should().ThrowAsync<BirdApiException>();
            forbidden.Which.StatusCode.Should().Be(HttpStatusCode.Forbidden);
            forbidden.Which.Attempts.Should().Be(1);
        }

        var listed = (await _keys.ListAsync(f.Context, ct)).Single(s => s.Id == key.Id);
        listed.Outputs.ContainsKey("token").Should().BeFalse("Bird never returns the token again");
        var merged = _keys.MergeLive(key, listed);
        merged.Outputs["token"]!.RevealString().Should().Be(token.RevealString());
        _keys.Diff(merged, inputs).Should().Be(DiffResult.Same);
        (await _keys.ReadAsync(f.Context, key, ct))!.Outputs["token"].Should().Be(token);

        var conflict = await FluentActions.Awaiting(() => _roles.DeleteAsync(f.Context, role, ct)).Should().ThrowAsync<BirdApiException>();
        conflict.Which.StatusCode.Should().Be(HttpStatusCode.Conflict);
        conflict.Which.Message.Should().Contain("DELETE /organizations/");

        await _keys.DeleteAsync(f.Context, key, ct);
        (await _keys.ReadAsync(f.Context, key, ct)).Should().BeNull();
        await _roles.DeleteAsync(f.Context, role, ct);
        await _policies.DeleteAsync(f.Context, policy, ct);
    }
}
