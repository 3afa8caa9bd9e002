using BirdInfra.Stacks;
using BirdInfra.Tests.Support;

namespace BirdInfra.Tests.Stacks;

/// <summary>A stack file that extends a base: merge rules, and every diagnostic located in the file its value was written in.</summary>
public sealed class StackExtendsTests : IDisposable
{
    private const string Base = """
        target:
          endpoint: emulator
        accessPolicies:
          cc:
            description: shared
            definitions:
              - { effect: allow, actions: [view], resources: [/workspaces/*/channels/*] }
        accessRoles:
          cc:
            description: shared role
            policies: [cc]
        webhookSubscriptions:
          created:
            event: channel.created
            url: https://cc.example.com/bird/channels
            signingKey: { generate: true }
        """;

    private readonly string directory = Directory.CreateTempSubdirectory("birdinfra-extends-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void Load_Overlay_MergesMapsByKeyReplacesListsAndRemovesNulls()
    {
        Write("base.yaml", Base);
        var dev = Write("dev.yaml", """
            extends: base.yaml
            accessPolicies:
              cc:
                name: cc-dev
                definitions:
                  - { effect: allow, actions: [create], resources: [/workspaces/*/verify] }
            accessRoles: { cc: { description: null } }
            webhookSubscriptions:
              created: null
            """);

        var result = StackLoader.Load(dev, TestEnvironments.Empty());

        result.Diagnostics.Should().BeEmpty();
        var policy = result.Stack!.In("accessPolicies").Single();
        policy.Text("name").Should().Be("cc-dev", "the overlay adds a key");
        policy.Text("description").Should().Be("shared", "a key the overlay does not name comes from the base");
        var definitions = policy.Value("definitions").AsList();
        definitions.Should().ContainSingle("a list replaces the base's");
        definitions[0].ToString().Should().Contain("create").And.NotContain("view");
        result.Stack.In("accessRoles").Single().Inputs.Should().NotContainKey("description", "null removes the base's key");
        result.Stack.In("webhookSubscriptions").Should().BeEmpty("null removes the base's resource");
        result.Files.Should().Equal(dev, Path.Combine(directory, "base.yaml"));
    }

    [Fact]
    public void Load_ErrorInBaseAndInOverlay_EachLocatedInItsOwnFile()
    {
        var basePath = Write("base.yaml", Base.Replace("effect: allow, actions: [view]", "effect: permit, actions: [view]", StringComparison.Ordinal));
        var dev = Write("dev.yaml", """
            # the overlay
            extends: base.yaml
            accessRoles:
              cc:
                policies: [nope]
            """);

        var result = StackLoader.Load(dev, TestEnvironments.Empty());

        result.Stack.Should().BeNull();
        var effect = result.Diagnostics.Single(d => d.Code == "BI072");
        (effect.Location.File, effect.Location.Line, effect.Location.Column, effect.Location.ExtendedBy).Should().Be((basePath, 7, 19, dev));
        effect.ToString().Should().StartWith($"{basePath}:7:19: error BI072").And.Contain($"in the base of {dev}");
        var reference = result.Diagnostics.Single(d => d.Code == "BI035");
        (reference.Location.File, reference.Location.Line, reference.Location.ExtendedBy).Should().Be((dev, 5, null));
        reference.YamlPath.Should().Be("accessRoles.cc.policies[0]");
    }

    [Fact]
    public void Load_Chain_ResolvesEachBaseRelativeToItsOwnFile()
    {
        Directory.CreateDirectory(Path.Combine(directory, "shared"));
        Write("shared/common.yaml", Base);
        Write("shared/eu.yaml", "extends: common.yaml\naccessRoles: { cc: { description: eu role } }\n");
        var dev = Write("dev.yaml", "extends: shared/eu.yaml\naccessPolicies: { cc: { name: cc-dev } }\n");

        var result = StackLoader.Load(dev, TestEnvironments.Empty());

        result.Diagnostics.Should().BeEmpty();
        result.Stack!.In("accessRoles").Single().Text("description").Should().Be("eu role");
        result.Stack.In("accessPolicies").Single().Text("name").Should().Be("cc-dev");
        result.Stack.In("webhookSubscriptions").Should().ContainSingle();
        result.Files.Should().HaveCount(3);
    }

    [Fact]
    public void Load_Cycle_IsRefusedAtTheExtendsThatClosesIt()
    {
        var a = Write("a.yaml", "extends: b.yaml\ntarget: { endpoint: emulator }\n");
        var b = Write("b.yaml", "# b\nextends: a.yaml\n");

        var result = StackLoader.Load(a, TestEnvironments.Empty());

        result.Stack.Should().BeNull();
        var cycle = result.Diagnostics.Single();
        cycle.Code.Should().Be("BI097");
        (cycle.Location.File, cycle.Location.Line, cycle.Location.Column, cycle.Location.ExtendedBy).Should().Be((b, 2, 10, a));
        cycle.Message.Should().Contain($"{a} → {b} → {a}");
    }

    [Fact]
    public void Load_MissingOrMistypedBase_IsLocatedAtExtends()
    {
        var missing = Write("missing.yaml", "target: { endpoint: emulator }\nextends: nowhere.yaml\n");
        var listed = Write("listed.yaml", "target: { endpoint: emulator }\nextends: [base.yaml]\n");

        var first = StackLoader.Load(missing, TestEnvironments.Empty());
        var second = StackLoader.Load(listed, TestEnvironments.Empty());

        first.Diagnostics.Select(d => (d.Code, d.Location.Line, d.YamlPath)).Should().Equal(("BI096", 2, "extends"));
        first.Diagnostics[0].Message.Should().Contain("nowhere.yaml");
        second.Diagnostics.Select(d => (d.Code, d.Location.Line, d.YamlPath)).Should().Equal(("BI096", 2, "extends"));
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, content);
        return path;
    }
}
