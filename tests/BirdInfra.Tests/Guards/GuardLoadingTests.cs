using BirdInfra.Graph;
using BirdInfra.Providers.Kinds;
using BirdInfra.Providers.StackFiles;
using BirdInfra.Stacks;
using BirdInfra.Stacks.Model;
using BirdInfra.Tests.Stacks;

namespace BirdInfra.Tests.Guards;

/// <summary>How the loader reads guards.protect, guards.maxDestructiveChanges and each resource's own protect:, and what the compiler marks protected.</summary>
public sealed class GuardLoadingTests
{
    private const string Stack = """
        target:
          endpoint: emulator
        accessKeys:
          cc:
            description: Used by the contact center
            roles: [cc]
        accessPolicies:
          cc:
            definitions: [{ effect: allow, actions: [view], resources: ["/workspaces/*"] }]
        accessRoles:
          cc:
            policies: [cc]
            protect: true
        connectors:
          sales:
            wabaId: "1"
            phoneId: "2"
            phoneNumber: "+31612345678"
            accessToken: { generate: true }
          support:
            wabaId: "1"
            phoneId: "3"
            phoneNumber: "+31612345679"
            accessToken: { generate: true }
            protect: false
        """;

    [Fact]
    public void Load_Guards_ResolvesSectionsAddressesAndResourceOverrides_WithTheirLocations()
    {
        var result = Load(Stack + "\nguards:\n  protect: [connectors, accessKeys.cc]\n  maxDestructiveChanges: 0\n");

        result.Diagnostics.Should().BeEmpty();
        var guards = result.Stack!.Guards;
        guards.MaxDestructiveChanges.Should().Be(0);
        guards.MaxDestructiveChangesLocation!.Line.Should().Be(28);
        guards.ProtectionOf("connectors", "sales")!.Origin.Should().Be("guards.protect ('connectors') at stacks/test.yaml:27:13");
        guards.ProtectionOf("connectors", "support").Should().BeNull("the resource's own protect: false wins over its section");
        guards.ProtectionOf("accessKeys", "cc")!.YamlPath.Should().Be("guards.protect[1]");
        guards.ProtectionOf("accessRoles", "cc")!.Origin.Should().Be("protect: true on accessRoles.cc at stacks/test.yaml:13:14");
        guards.ProtectionOf("accessPolicies", "cc").Should().BeNull();
        guards.ProtectionOf("connectors", "removed-from-the-file").Should().NotBeNull("a section stays protected for resources only state remembers");

        var graph = StackCompiler.Compile(result.Stack, BirdKinds.Default, "org", "ws", _ => null).Graph!;
        graph.Resources.Where(r => r.Protected).Select(r => r.Address.ToString()).Should().BeEquivalentTo("AccessKey.cc", "AccessRole.cc", "Connector.sales");
    }

    [Fact]
    public void Load_WithoutGuards_ProtectsOnlyWhatResourcesSay_AndHasNoLimit()
    {
        var result = Load(Stack);

        result.Diagnostics.Should().BeEmpty();
        result.Stack!.Guards.MaxDestructiveChanges.Should().BeNull();
        StackCompiler.Compile(result.Stack, BirdKinds.Default, "org", "ws", _ => null).Graph!.Resources.Where(r => r.Protected)
            .Select(r => r.Address.ToString()).Should().Equal("AccessRole.cc");
    }

    [Fact]
    public void Load_BadGuards_ReportsEveryProblemAtOnce_WithHints()
    {
        var result = Load(Stack.Replace("protect: false", "protect: maybe", StringComparison.Ordinal)
            + "\nguards:\n  protect: [connectrs, connectors.sale, accessKeys]\n  maxDestructiveChanges: -2\n  limit: 3\n");

        result.Stack.Should().BeNull();
        result.Diagnostics.Select(d => (d.Code, d.Location.Line, d.Location.Column, d.YamlPath)).Should().Equal(
            ("BI022", 25, 14, "connectors.support.protect"),
            ("BI090", 27, 13, "guards.protect[0]"),
            ("BI091", 27, 24, "guards.protect[1]"),
            ("BI092", 28, 26, "guards.maxDestructiveChanges"),
            ("BI021", 29, 3, "guards.limit"));
        result.Diagnostics[1].Hint.Should().StartWith("Did you mean 'connectors'?");
        result.Diagnostics[2].Hint.Should().StartWith("Did you mean 'connectors.sales'?");
        result.Diagnostics[3].Message.Should().Contain("'-2'");
    }

    private static StackLoadResult Load(string yaml) =>
        StackLoader.Load(System.Text.Encoding.UTF8.GetBytes(yaml), "stacks/test.yaml", TestEnvironments.Empty());
}
