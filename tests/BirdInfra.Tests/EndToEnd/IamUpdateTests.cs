using BirdInfra.Tests.Reliability;
using BirdInfra.Tests.Support;

namespace BirdInfra.Tests.EndToEnd;

/// <summary>
/// Role and policy changes through the CLI against both readings of Bird's undocumented role-update method:
/// PATCH with the changed fields (default emulator) and PUT with the full body (PATCH answers 405).
/// </summary>
public sealed class IamUpdateTests
{
    private const string Stack = """
        target:
          endpoint: {{endpoint}}
          organizationId: { env: BIRD_ORGANIZATION_ID }
          workspaceId: { env: BIRD_WORKSPACE_ID }
          accessKey: { env: BIRD_ACCESS_KEY }

        accessPolicies:
          sender:
            name: sender
            definitions:
              - effect: allow
                actions: [create]
                resources: [/workspaces/*/channels/*/messages]

        accessRoles:
          sender:
            name: sender
            description: Sends messages
            policies: [sender]

        accessKeys:
          sender:
            name: sender
            description: Used by the sender
            roles: [sender]
        """;

    [Fact]
    public async Task ChangingARolesDescription_IsOnePatch_WhenBirdTakesPatch()
    {
        await using var ws = await StackWorkspace.CreateAsync(Stack);
        await UpAsync(ws);
        ws.EditStack("description: Sends messages", "description: Sends WhatsApp messages");
        await ws.ResetCallLogAsync();

        var up = await ws.RunAsync("up", "--stack", "e2e", "--yes");

        up.ExitCode.Should().Be(0, up.All);
        (await MutatingCallsAsync(ws)).Should().Equal(("PATCH", "iam-roles", 200));
        await ExpectRoleDescriptionAsync(ws, "Sends WhatsApp messages");
    }

    [Fact]
    public async Task ChangingARolesDescription_Is405ThenOnePut_WhenBirdRefusesPatch()
    {
        await using var ws = await StackWorkspace.CreateAsync(Stack, configure: o => o with { RoleUpdateWithPut = true });
        await UpAsync(ws);
        ws.EditStack("description: Sends messages", "description: Sends WhatsApp messages");
        await ws.ResetCallLogAsync();

        var up = await ws.RunAsync("up", "--stack", "e2e", "--yes");

        up.ExitCode.Should().Be(0, up.All);
        (await MutatingCallsAsync(ws)).Should().Equal(("PATCH", "iam-roles", 405), ("PUT", "iam-roles", 200));
        await ExpectRoleDescriptionAsync(ws, "Sends WhatsApp messages");
    }

    [Fact]
    public async Task ChangingARolesDescription_WithPut_KeepsTheActionsAndMetadataSetOutsideBirdInfra()
    {
        await using var ws = await StackWorkspace.CreateAsync(Stack, configure: o => o with { RoleUpdateWithPut = true });
        await UpAsync(ws);
        var role = (await ws.ListAsync(ws.OrgPath("iam-roles"))).Single();
        var roleId = role.GetProperty("id").GetString()!;
        var policyId = role.GetProperty("policies")[0].GetProperty("id").GetString();
        // Someone gives the role actions and metadata in Bird's console (this emulator takes PUT, with the full role).
        await ws.SendAsync(HttpMethod.Put, ws.OrgPath($"iam-roles/{roleId}"), new
        {
            name = "sender",
            description = "Sends messages",
            policies = new[] { new { id = policyId, type = "organization" } },
            actions = new[] { new { name = "inbox:conversations:assign", type = "custom" } },
            metadata = new { clouds = new[] { "platform" } },
        });
        ws.EditStack("description: Sends messages", "description: Sends WhatsApp messages");
        await ws.ResetCallLogAsync();

        var up = await ws.RunAsync("up", "--stack", "e2e", "--yes");

        up.ExitCode.Should().Be(0, up.All);
        (await MutatingCallsAsync(ws)).Should().Equal(("PATCH", "iam-roles", 405), ("PUT", "iam-roles", 200));
        var after = await ws.GetAsync(ws.OrgPath($"iam-roles/{roleId}"));
        after.GetProperty("description").GetString().Should().Be("Sends WhatsApp messages");
        after.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("name").GetString()).Should().Equal(["inbox:conversations:assign"], "the PUT carries what BirdInfra does not manage");
        after.GetProperty("metadata").GetProperty("clouds")[0].GetString().Should().Be("platform");
        after.GetProperty("policies").EnumerateArray().Select(p => p.GetProperty("id").GetString()).Should().Equal(policyId);
    }

    /// <summary>Bird has no policy update: the new policy is created, the role re-pointed, and only then the old one deleted.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ChangingAPolicysDefinitions_CreatesTheNewPolicy_RepointsTheRole_ThenDeletesTheOld(bool roleUpdateWithPut)
    {
        await using var ws = await StackWorkspace.CreateAsync(Stack, configure: o => o with { RoleUpdateWithPut = roleUpdateWithPut });
        await UpAsync(ws);
        var oldPolicy = (await ws.ListAsync(ws.OrgPath("iam-policies"))).Single().GetProperty("id").GetString()!;
        ws.EditStack("resources: [/workspaces/*/channels/*/messages]", "resources: [/workspaces/*/channels/*/messages, /workspaces/*/verify]");
        await ws.ResetCallLogAsync();

        var up = await ws.RunAsync("up", "--stack", "e2e", "--yes");

        up.ExitCode.Should().Be(0, up.All);
        var roleUpdate = roleUpdateWithPut ? new[] { ("PATCH", "iam-roles", 405), ("PUT", "iam-roles", 200) } : [("PATCH", "iam-roles", 200)];
        (await MutatingCallsAsync(ws)).Should().Equal(
            new[] { ("POST", "iam-policies", 201) }.Concat(roleUpdate).Append(("DELETE", "iam-policies", 204)),
            "the role must never point at a deleted policy");
        var calls = await CallLog.ReadAsync(ws);
        calls.Single(c => c.Method == "DELETE").Path.Should().Be(ws.OrgPath($"iam-policies/{oldPolicy}"));

        var newPolicy = (await ws.ListAsync(ws.OrgPath("iam-policies"))).Should().ContainSingle().Subject.GetProperty("id").GetString();
        newPolicy.Should().NotBe(oldPolicy);
        var role = (await ws.ListAsync(ws.OrgPath("iam-roles"))).Single();
        role.GetProperty("policies").EnumerateArray().Select(p => p.GetProperty("id").GetString()).Should().Equal(newPolicy);
        (await ws.RunAsync("preview", "--stack", "e2e", "--detailed-exitcode")).ExitCode.Should().Be(0, "the stack and Bird agree afterwards");
    }

    private static async Task UpAsync(StackWorkspace ws)
    {
        var up = await ws.RunAsync("up", "--stack", "e2e", "--yes");
        up.ExitCode.Should().Be(0, up.All);
    }

    /// <summary>Mutating calls as (method, IAM collection, status), oldest first.</summary>
    private static async Task<List<(string Method, string Collection, int Status)>> MutatingCallsAsync(StackWorkspace ws) =>
        (await CallLog.ReadAsync(ws)).Where(CallLog.IsMutating)
            .Select(c => (c.Method, c.Path.Split('/')[3], c.Status))
            .ToList();

    private static async Task ExpectRoleDescriptionAsync(StackWorkspace ws, string description)
    {
        var role = (await ws.ListAsync(ws.OrgPath("iam-roles"))).Single();
        role.GetProperty("description").GetString().Should().Be(description);
        role.GetProperty("policies").EnumerateArray().Should().ContainSingle("a PUT carries the policies too, so they survive");
        (await ws.RunAsync("preview", "--stack", "e2e", "--detailed-exitcode")).ExitCode.Should().Be(0, "the stack and Bird agree afterwards");
    }
}
