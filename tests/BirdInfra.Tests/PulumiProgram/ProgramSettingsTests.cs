using BirdInfra.PulumiProgram;
using BirdInfra.PulumiProgram.Rpc;
using FluentAssertions;

namespace BirdInfra.Tests.PulumiProgram;

public sealed class ProgramSettingsTests
{
    private static readonly Dictionary<string, string> Host = new()
    {
        ["PULUMI_MONITOR"] = "127.0.0.1:40001",
        ["PULUMI_ENGINE"] = "127.0.0.1:40002",
        ["PULUMI_PROJECT"] = "birdinfra",
        ["PULUMI_STACK"] = "dev",
        ["PULUMI_DRY_RUN"] = "true",
        ["PULUMI_PARALLEL"] = "16",
        ["PULUMI_ROOT_DIRECTORY"] = "/repo",
        ["PULUMI_CONFIG"] = """{"bird:organizationId":"3f2504e0-4f89-41d3-9a0c-0305e82c3301","birdinfra:config:whatsappAccessToken":"t0ken","bird:accessKey":"k3y"}""",
        ["PULUMI_CONFIG_SECRET_KEYS"] = """["bird:accessKey","birdinfra:config:whatsappAccessToken"]""",
    };

    [Fact]
    public void Read_TakesWhatTheLanguageHostPasses()
    {
        var settings = ProgramSettings.Read(Host.GetValueOrDefault, "/repo/infra");

        settings.MonitorAddress.Should().Be("127.0.0.1:40001");
        settings.DryRun.Should().BeTrue();
        settings.Parallel.Should().Be(16);
        settings.StackFile.Should().Be(Path.Combine("/repo", "stacks", "dev.yaml"));
        settings.UrnOf("bird:index:Connector", "main").Should().Be("urn:pulumi:dev::birdinfra::bird:index:Connector::main");
    }

    [Fact]
    public void Config_KeysWithoutANamespaceBelongToTheProject_AndTheLegacyFormIsTheSameKey()
    {
        var config = ProgramSettings.Read(Host.GetValueOrDefault, "/repo/infra").Config;

        config.Get("whatsappAccessToken").Should().Be("t0ken");
        config.IsSecret("whatsappAccessToken").Should().BeTrue();
        config.Get("bird:organizationId").Should().Be("3f2504e0-4f89-41d3-9a0c-0305e82c3301");
        config.IsSecret("bird:organizationId").Should().BeFalse();
        config.Has("bird:workspaceId").Should().BeFalse();
    }

    [Fact]
    public void Read_WithoutTheStack_NamesTheMissingVariable()
    {
        var env = new Dictionary<string, string>(Host);
        env.Remove("PULUMI_STACK");

        var act = () => ProgramSettings.Read(env.GetValueOrDefault, "/repo/infra");

        act.Should().Throw<InvalidOperationException>().WithMessage("*PULUMI_STACK*pulumi up*");
    }

    [Fact]
    public void Read_MalformedConfig_IsAClearError()
    {
        var env = new Dictionary<string, string>(Host) { ["PULUMI_CONFIG"] = "{not json" };

        var act = () => ProgramSettings.Read(env.GetValueOrDefault, "/repo/infra");

        act.Should().Throw<InvalidOperationException>().WithMessage("PULUMI_CONFIG is not a JSON object*");
    }

    [Theory]
    [InlineData(new string[0], true)]
    [InlineData(new[] { "up" }, false)]
    public void IsPulumiRun_OnlyWithoutArgumentsAndWithAMonitor(string[] args, bool expected)
    {
        ProgramSettings.IsPulumiRun(Host.GetValueOrDefault, args).Should().Be(expected);
        ProgramSettings.IsPulumiRun(_ => null, args).Should().BeFalse();
    }

    [Theory]
    [InlineData("127.0.0.1:5000", "http://127.0.0.1:5000/")]
    [InlineData("http://localhost:7/", "http://localhost:7/")]
    public void GrpcAddress_IsCleartextHttp(string address, string expected) =>
        EngineChannel.ToUri(address).ToString().Should().Be(expected);
}
