using System.Text.Json.Nodes;
using BirdInfra.Providers.AccessKey;
using BirdInfra.Providers.AccessPolicy;
using BirdInfra.Providers.AccessRole;
using BirdInfra.Providers.Client;
using BirdInfra.Providers.Connector;
using BirdInfra.Providers.Kinds;
using BirdInfra.Providers.Kinds.Recovery;
using BirdInfra.Providers.Properties;
using static BirdInfra.Providers.Tests.Kinds.P;

namespace BirdInfra.Providers.Tests.Integration;

/// <summary>
/// Reads that depend on a response shape Bird does not promise: a GET of one access key answering expanded
/// <c>roles</c> instead of <c>roleRefs</c>, and connector reads without the echoed <c>arguments</c>. Neither may ever
/// show up as drift (which would plan a token rotation or replacing a live WhatsApp number).
/// </summary>
public sealed class TolerantReadTests
{
    private const string Token = "EAAG-tolerant-read-meta-token";

    private readonly AccessPolicyKind _policies = new();
    private readonly AccessRoleKind _roles = new();
    private readonly AccessKeyKind _keys = new();
    private readonly ConnectorKind _connectors = new();

    private static PropertyMap ConnectorInputs(string phone = "+31612345678") => Map(
        ("name", S("wa " + phone)),
        ("wabaId", S("102290129340398")),
        ("phoneId", S("106540352242922")),
        ("phoneNumber", S(phone)),
        ("mbPhoneId", S("8c1f0d8e-2b1a-4c3d-9e8f-0a1b2c3d4e5f")),
        ("accessToken", S(Token)));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AccessKey_ReadOfEitherResponseShape_DiffsSameAgainstTheStackInputs(bool getExpandsRoles)
    {
        await using var f = await EmulatorFixture.StartAsync(configure: o => o with { AccessKeyGetExpandsRoles = getExpandsRoles });
        var ct = CancellationToken.None;
        var policy = await _policies.CreateAsync(f.Context, Map(
            ("name", S("viewer")),
            ("description", S("tolerant reads")),
            ("definitions", L(M(("effect", S("allow")), ("actions", L("view")), ("resources", L("/workspaces/*/channels")))))), ct);
        var orgWide = await _roles.CreateAsync(f.Context, Map(("name", S("org-wide")), ("policies", L(M(("id", S(policy.Id)))))), ct);
        var scoped = await _roles.CreateAsync(f.Context, Map(("name", S("scoped")), ("policies", L(M(("id", S(policy.Id)))))), ct);
        var inputs = Map(
            ("name", S("cc-key")),
            ("description", S("contact center")),
            ("roleRefs", L(M(("id", S(orgWide.Id))), M(("id", S(scoped.Id)), ("workspaces", L(f.Emulator.WorkspaceId))))));
        var key = await _keys.CreateAsync(f.Context, inputs, ct);

        var raw = await f.Client.GetAsync<JsonObject>(BirdPaths.Of("organizations", f.Emulator.OrganizationId, "access-keys", key.Id), ct);
        raw.ContainsKey(getExpandsRoles ? "roles" : "roleRefs").Should().BeTrue(raw.ToString());
        raw.ContainsKey(getExpandsRoles ? "roleRefs" : "roles").Should().BeFalse(raw.ToString());

        var read = await _keys.ReadAsync(f.Context, key, ct);

        _keys.Diff(read!, inputs).Should().Be(DiffResult.Same, "a response shape is never a reason to rotate the key's token");
        read!.Inputs.Should().Equal(key.Inputs);
        read.Outputs["token"].Should().Be(key.Outputs["token"]);
    }

    [Fact]
    public async Task AccessKey_ImportReadOfExpandedRoles_TakesTheWorkspacesFromBirdsList()
    {
        // `pulumi import`: Read with the id only, and the GET answers roles without workspaces; nothing in state fills them.
        await using var f = await EmulatorFixture.StartAsync(configure: o => o with { AccessKeyGetExpandsRoles = true });
        var ct = CancellationToken.None;
        var policy = await _policies.CreateAsync(f.Context, Map(
            ("name", S("viewer")),
            ("description", S("import")),
            ("definitions", L(M(("effect", S("allow")), ("actions", L("view")), ("resources", L("/workspaces/*/channels")))))), ct);
        var scoped = await _roles.CreateAsync(f.Context, Map(("name", S("scoped")), ("policies", L(M(("id", S(policy.Id)))))), ct);
        var inputs = Map(
            ("name", S("cc-key")),
            ("description", S("contact center")),
            ("roleRefs", L(M(("id", S(scoped.Id)), ("workspaces", L(f.Emulator.WorkspaceId))))));
        var key = await _keys.CreateAsync(f.Context, inputs, ct);

        var read = await _keys.ReadAsync(f.Context, new ResourceSnapshot(key.Id, PropertyMap.Empty, PropertyMap.Empty), ct);

        read!.Inputs.Should().Equal(key.Inputs);
        _keys.Diff(read, inputs).Should().Be(DiffResult.Same, "an import is never a reason to rotate the key's token");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AccessKey_ReadOfEitherResponseShape_SeesAWorkspaceScopeWidenedInBird(bool getExpandsRoles)
    {
        // The console makes a workspace-scoped key organization-wide; state still holds the workspace.
        await using var f = await EmulatorFixture.StartAsync(configure: o => o with { AccessKeyGetExpandsRoles = getExpandsRoles });
        var ct = CancellationToken.None;
        var policy = await _policies.CreateAsync(f.Context, Map(
            ("name", S("viewer")),
            ("description", S("scope")),
            ("definitions", L(M(("effect", S("allow")), ("actions", L("view")), ("resources", L("/workspaces/*/channels")))))), ct);
        var role = await _roles.CreateAsync(f.Context, Map(("name", S("scoped")), ("policies", L(M(("id", S(policy.Id)))))), ct);
        var inputs = Map(
            ("name", S("cc-key")),
            ("description", S("contact center")),
            ("roleRefs", L(M(("id", S(role.Id)), ("workspaces", L(f.Emulator.WorkspaceId))))));
        var key = await _keys.CreateAsync(f.Context, inputs, ct);
        await f.Client.PutAsync<JsonObject>($"/_emulator/access-keys/{key.Id}/role-refs", new { roleRefs = new[] { new { id = role.Id } } }, ct);

        var read = await _keys.ReadAsync(f.Context, key, ct);

        var diff = _keys.Diff(read!, inputs);
        diff.Outcome.Should().Be(DiffOutcome.Replace, "the stack's scope must be put back");
        diff.Changes.Should().Contain(c => c.Path == "roleRefs");
        read!.Inputs["roleRefs"]!.AsList().Single().AsMap()["workspaces"]!.AsList().Should().BeEmpty("Bird's list says the role is no longer limited");
    }

    [Fact]
    public async Task AccessKey_ReadOfExpandedRoles_StillReportsARoleRemovedOutsideBirdInfra()
    {
        await using var f = await EmulatorFixture.StartAsync();
        var ct = CancellationToken.None;
        var policy = await _policies.CreateAsync(f.Context, Map(
            ("name", S("viewer")),
            ("description", S("tolerant reads")),
            ("definitions", L(M(("effect", S("allow")), ("actions", L("view")), ("resources", L("/workspaces/*/channels")))))), ct);
        var role = await _roles.CreateAsync(f.Context, Map(("name", S("kept")), ("policies", L(M(("id", S(policy.Id)))))), ct);
        var key = await _keys.CreateAsync(f.Context, Map(("name", S("k")), ("description", S("d")), ("roleRefs", L(M(("id", S(role.Id)))))), ct);
        var stateKnowsMore = key with
        {
            Inputs = key.Inputs.With("roleRefs", L(M(("id", S(role.Id)), ("type", S("organization")), ("workspaces", L(Array.Empty<string>()))), M(("id", S("00000000-0000-4000-8000-000000000001")), ("type", S("organization")), ("workspaces", L(Array.Empty<string>()))))),
        };

        var read = await _keys.ReadAsync(f.Context, stateKnowsMore, ct);

        _keys.Diff(stateKnowsMore, read!.Inputs).Outcome.Should().Be(DiffOutcome.Replace, "keeping state's workspaces must not hide a real change of roles");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Connector_ReadsWithOrWithoutEchoedArguments_KeepWhatStateKnowsAndDiffSame(bool echoArguments)
    {
        await using var f = await EmulatorFixture.StartAsync(configure: o => o with { EchoConnectorArguments = echoArguments });
        var ct = CancellationToken.None;

        var created = await _connectors.CreateAsync(f.Context, ConnectorInputs(), ct);

        created.Inputs["phoneNumber"].Should().Be(S("+31612345678"));
        created.Inputs["mbPhoneId"].Should().Be(S("8c1f0d8e-2b1a-4c3d-9e8f-0a1b2c3d4e5f"));
        _connectors.Diff(created, ConnectorInputs()).Should().Be(DiffResult.Same);
        var raw = await f.Client.GetAsync<JsonObject>(BirdPaths.Of("workspaces", f.Emulator.WorkspaceId, "connectors", created.Id), ct);
        raw.ContainsKey("arguments").Should().Be(echoArguments, raw.ToString());

        var read = await _connectors.ReadAsync(f.Context, created, ct);
        _connectors.Diff(read!, ConnectorInputs()).Should().Be(DiffResult.Same);
        read!.Inputs.Should().Equal(created.Inputs);

        var listed = (await _connectors.ListAsync(f.Context, ct)).Single(s => s.Id == created.Id);
        _connectors.Diff(created, _connectors.MergeLive(created, listed).Inputs).Should().Be(DiffResult.Same);
    }

    [Fact]
    public async Task Connector_WhenBirdDoesNotEchoThePhoneNumber_CreateRecoveryNeverAdoptsByNaturalKey()
    {
        await using var f = await EmulatorFixture.StartAsync(configure: o => o with { EchoConnectorArguments = false });
        var ct = CancellationToken.None;
        var other = await _connectors.CreateAsync(f.Context, ConnectorInputs("+31699999999"), ct);
        var ours = await _connectors.CreateAsync(f.Context, ConnectorInputs(), ct);
        var inputs = _connectors.Check(ConnectorInputs()).Inputs;

        var decision = await CreateRecovery.LookUpAsync(_connectors, f.Context, _connectors.NaturalKey(inputs), new HashSet<string>(), inputs, ct);

        decision.Should().BeOfType<NotFound>("an unknown phone number matches no create, so neither {0} nor {1} is taken over", other.Id, ours.Id);
    }
}
