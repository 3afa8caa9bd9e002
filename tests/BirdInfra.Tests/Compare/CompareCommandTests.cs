using System.Text.Json;
using BirdInfra.Tests.Stacks;
using BirdInfra.Tests.Support;

namespace BirdInfra.Tests.Compare;

/// <summary>`birdinfra compare` on copies of the shipped stacks: expected differences are marked and not counted, the rest give exit 2.</summary>
public sealed class CompareCommandTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("birdinfra-compare-").FullName;

    public CompareCommandTests()
    {
        Directory.CreateDirectory(Path.Combine(root, "stacks"));
        foreach (var name in new[] { "base.yaml", "dev.yaml", "prod.yaml" })
        {
            File.Copy(Path.Combine(RepositoryPaths.Stacks, name), Path.Combine(root, "stacks", name));
        }
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public async Task Compare_ShippedDevWithProd_EveryDifferenceIsExpected()
    {
        var run = await Run("compare", "--stack", "dev", "--with", "prod", "--detailed-exitcode");

        run.ExitCode.Should().Be(0, run.All);
        run.Out.Should().Contain("~ AccessPolicy.contact-center\n    description: \"WhatsApp contact center (dev)\" → \"WhatsApp contact center\"  (expected)\n    name: \"ucx-contact-center-dev\" → \"ucx-contact-center\"  (expected)\n")
            .And.Contain("< Connector.main-number: only in dev  (expected)")
            .And.Contain("> Connector.support-number: only in prod  (expected)")
            .And.Contain("signingKey: [secret] { env: BIRD_DEV_WEBHOOK_SIGNING_KEY, config: webhookSigningKey } → [secret] { env: BIRD_PROD_WEBHOOK_SIGNING_KEY, config: webhookSigningKey }  (expected)")
            .And.Contain("Compare dev (left) with prod (right): 0 unexpected");
        run.Out.Should().NotContain("definitions", "the policy's rows come from the base for both");
    }

    [Fact]
    public async Task Compare_UnexpectedEditInProd_ExitsTwoNamingAddressAndProperty()
    {
        var prod = Path.Combine(root, "stacks", "prod.yaml");
        File.AppendAllText(prod, "\naccessKeys:\n  contact-center:\n    workspaces: [\"${workspaceId}\", 3b1e2c4d-6e8f-4a0b-8c1d-2e3f4a5b6c7d]\n");

        var text = await Run("compare", "--stack", "dev", "--with", "prod", "--detailed-exitcode");
        var json = await Run("compare", "--stack", "dev", "--with", "prod", "--detailed-exitcode", "--json");
        var plain = await Run("compare", "--stack", "dev", "--with", "prod");

        text.ExitCode.Should().Be(2, text.All);
        text.Out.Should().Contain("~ AccessKey.contact-center\n").And.Contain("    workspaces[1]: (absent) → \"3b1e2c4d-6e8f-4a0b-8c1d-2e3f4a5b6c7d\"\n")
            .And.Contain("1 unexpected");
        json.ExitCode.Should().Be(2);
        var document = JsonDocument.Parse(json.Out).RootElement;
        var unexpected = document.GetProperty("differences").EnumerateArray().Where(d => !d.GetProperty("expected").GetBoolean()).ToList();
        unexpected.Should().ContainSingle();
        unexpected[0].GetProperty("address").GetString().Should().Be("AccessKey.contact-center");
        unexpected[0].GetProperty("path").GetString().Should().Be("workspaces[1]");
        unexpected[0].GetProperty("left").ValueKind.Should().Be(JsonValueKind.Null);
        document.GetProperty("onlyIn").GetProperty("left").EnumerateArray().Select(o => o.GetProperty("address").GetString()).Should().Contain("Connector.main-number");
        document.GetProperty("onlyIn").GetProperty("right").EnumerateArray().Should().OnlyContain(o => o.GetProperty("expected").GetBoolean());
        plain.ExitCode.Should().Be(0, "without --detailed-exitcode compare exits 0 when it ran");
    }

    [Fact]
    public async Task Compare_ExpectationOnOneSideOnly_StillApplies()
    {
        var dev = Path.Combine(root, "stacks", "dev.yaml");
        File.WriteAllText(dev, File.ReadAllText(dev).Replace("    - webhookSubscriptions.main-*\n", string.Empty, StringComparison.Ordinal));

        var run = await Run("compare", "--stack", "prod", "--with", "dev", "--detailed-exitcode", "--format", "markdown");

        run.ExitCode.Should().Be(2);
        run.Out.Should().Contain("| **unexpected** | `WebhookSubscription.main-inbound` | | (absent) | declared |")
            .And.Contain("| expected | `Connector.main-number` | | (absent) | declared |");
    }

    [Fact]
    public async Task Compare_MalformedExpectation_IsALocatedError()
    {
        var prod = Path.Combine(root, "stacks", "prod.yaml");
        File.WriteAllText(prod, File.ReadAllText(prod).Replace("    - connectors.*\n", "    - numbers.*\n", StringComparison.Ordinal));

        var run = await Run("compare", "--stack", "dev", "--with", "prod");

        run.ExitCode.Should().Be(1);
        run.Error.Should().MatchRegex(@"prod\.yaml:\d+:7: error BI098: 'numbers\.\*' is not an expected difference");
    }

    private Task<CliRun> Run(params string[] args) => CliRunner.RunAsync(root, _ => null, args);
}
