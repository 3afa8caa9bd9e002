using BirdInfra.Emulator.Configuration;

namespace BirdInfra.Emulator.Tests.Configuration;

/// <summary>The standalone command line, parsed in-process; <see cref="Hosting.StandaloneTests"/> covers the process's output and exit codes.</summary>
public sealed class CommandLineTests
{
    private const string Org = "0b4e4c0e-6b36-4c55-9a7e-2f7d1e0c5a11";
    private const string Workspace = "5d2c8a4f-3e1b-4f6a-8c9d-7e0f1a2b3c44";

    [Fact]
    public void NoArguments_GiveTheStandaloneDefaults()
    {
        var parsed = CommandLine.Parse([]);

        parsed.Error.Should().BeNull();
        parsed.Help.Should().BeNull();
        parsed.Options.Should().Be(new EmulatorOptions { Urls = CommandLine.DefaultStandaloneUrls, Quiet = true });
        parsed.Options!.ChannelDelay.Should().Be(TimeSpan.FromSeconds(2));
        parsed.Options.WebhookRetryBaseDelay.Should().Be(TimeSpan.FromSeconds(1));
        parsed.Options.WebhookMaxAttempts.Should().Be(6);
        parsed.Options.FaultSeed.Should().BeNull();
        parsed.Options.AllowHttpWebhooks.Should().BeFalse();
        parsed.Options.EchoConnectorArguments.Should().BeTrue();
        parsed.Options.AccessKeyGetExpandsRoles.Should().BeTrue();
        parsed.Options.ChannelActivationDelay.Should().Be(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void EveryOption_IsParsed()
    {
        var parsed = CommandLine.Parse(
        [
            "--urls", "http://127.0.0.1:0", "--data", "/tmp/state.json", "--organization-id", Org, "--workspace-id", Workspace,
            "--admin-key", "localemulatoradminkey", "--channel-delay", "0.2", "--channel-activation-delay", "0.4", "--allow-http-webhooks", "--webhook-retry-delay", "0.5",
            "--webhook-max-attempts", "3", "--fault-seed", "-7", "--role-update-put", "--no-connector-arguments", "--access-key-get-role-refs", "--verbose",
        ]);

        parsed.Error.Should().BeNull();
        parsed.Options.Should().Be(new EmulatorOptions
        {
            Urls = "http://127.0.0.1:0",
            DataFile = "/tmp/state.json",
            OrganizationId = Org,
            WorkspaceId = Workspace,
            AdminAccessKey = "localemulatoradminkey",
            ChannelDelay = TimeSpan.FromSeconds(0.2),
            ChannelActivationDelay = TimeSpan.FromSeconds(0.4),
            AllowHttpWebhooks = true,
            WebhookRetryBaseDelay = TimeSpan.FromSeconds(0.5),
            WebhookMaxAttempts = 3,
            FaultSeed = -7,
            RoleUpdateWithPut = true,
            EchoConnectorArguments = false,
            AccessKeyGetExpandsRoles = false,
            Quiet = false,
        });
    }

    [Fact]
    public void EqualsForm_IsTheSameAsASeparateValue()
    {
        var parsed = CommandLine.Parse(
            ["--urls=http://127.0.0.1:0", "--data=/tmp/a=b.json", $"--organization-id={Org}", "--channel-delay=3", "--fault-seed=-1", "--allow-http-webhooks=true"]);

        parsed.Error.Should().BeNull();
        parsed.Options!.Urls.Should().Be("http://127.0.0.1:0");
        parsed.Options.DataFile.Should().Be("/tmp/a=b.json");
        parsed.Options.OrganizationId.Should().Be(Org);
        parsed.Options.ChannelDelay.Should().Be(TimeSpan.FromSeconds(3));
        parsed.Options.FaultSeed.Should().Be(-1);
        parsed.Options.AllowHttpWebhooks.Should().BeTrue();
    }

    [Fact]
    public void AllowHttpWebhooks_CanBeTurnedOffExplicitly() =>
        CommandLine.Parse(["--allow-http-webhooks=false"]).Options!.AllowHttpWebhooks.Should().BeFalse();

    [Fact]
    public void RepeatedOption_LastValueWins() =>
        CommandLine.Parse(["--urls", "http://127.0.0.1:1", "--urls", "http://127.0.0.1:2"]).Options!.Urls.Should().Be("http://127.0.0.1:2");

    [Theory]
    [InlineData("--channel-delay expects a non-negative number of seconds, got 'soon'", "--channel-delay", "soon")]
    [InlineData("--channel-delay expects a non-negative number of seconds, got '-1'", "--channel-delay", "-1")]
    [InlineData("--channel-delay expects a non-negative number of seconds, got '86401'", "--channel-delay", "86401")]
    [InlineData("--webhook-retry-delay expects a non-negative number of seconds, got 'x'", "--webhook-retry-delay", "x")]
    [InlineData("--webhook-max-attempts expects a whole number from 1 to 20, got '0'", "--webhook-max-attempts", "0")]
    [InlineData("--webhook-max-attempts expects a whole number from 1 to 20, got '21'", "--webhook-max-attempts", "21")]
    [InlineData("--fault-seed expects a whole number, got '1.5'", "--fault-seed", "1.5")]
    [InlineData("--organization-id expects a UUID, got 'not-a-uuid'", "--organization-id", "not-a-uuid")]
    [InlineData("--workspace-id expects a UUID, got 'nope'", "--workspace-id=nope")]
    [InlineData("--admin-key expects letters and digits only", "--admin-key", "not-a-key")]
    [InlineData("--urls must not be empty", "--urls", " ")]
    [InlineData("option --urls needs a value", "--urls")]
    [InlineData("option --data needs a value", "--data", "--verbose")]
    [InlineData("option --admin-key needs a value", "--admin-key", "--bogus")]
    public void BadValue_IsAnErrorNamingTheOption(string expected, params string[] args)
    {
        var parsed = CommandLine.Parse(args);

        parsed.Options.Should().BeNull();
        parsed.Help.Should().BeNull();
        parsed.Error.Should().Be(expected);
    }

    [Theory]
    [InlineData("--bogus", "--bogus")]
    [InlineData("positional", "positional")]
    [InlineData("b", "--urls", "a", "b")]
    [InlineData("--version", "--version")]
    [InlineData("/?", "/?")]
    [InlineData("--", "--")]
    [InlineData("[suggest]", "[suggest]")]
    [InlineData("@args.rsp", "@args.rsp")]
    public void UnknownOption_IsAnError(string unknown, params string[] args)
    {
        var parsed = CommandLine.Parse(args);

        parsed.Options.Should().BeNull();
        parsed.Error.Should().Be($"unknown option '{unknown}' (see --help)");
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("-?")]
    public void Help_ListsEveryOption(string flag)
    {
        var parsed = CommandLine.Parse([flag]);

        parsed.Options.Should().BeNull();
        parsed.Error.Should().BeNull();
        parsed.Help.Should().ContainAll(
            "--urls <URL>", "--data <FILE>", "--organization-id <UUID>", "--workspace-id <UUID>", "--admin-key <TOKEN>",
            "--channel-delay <SECONDS>", "--allow-http-webhooks", "--webhook-retry-delay <SECONDS>", "--webhook-max-attempts <N>",
            "--fault-seed <N>", "--verbose", "-h, --help", CommandLine.DefaultStandaloneUrls, "organizationId, workspaceId, adminAccessKey and listening");
    }

    [Fact]
    public void WebhookEvent_NarrowsTheCatalogue_AndRefusesWhatItDoesNotHave()
    {
        var parsed = CommandLine.Parse(["--webhook-event", "whatsapp.inbound", "--webhook-event", "channel.created:platformId"]);

        parsed.Error.Should().BeNull();
        parsed.Options!.WebhookEvents.Should().BeEquivalentTo(new Dictionary<string, IReadOnlyList<string>?> { ["whatsapp.inbound"] = null, ["channel.created"] = ["platformId"] });
        CommandLine.Parse(["--webhook-event", "fax.inbound"]).Error.Should().Contain("'fax.inbound' is not a channels event");
        CommandLine.Parse(["--webhook-event", "channel.created:channelId"]).Error.Should().Contain("has no filter key 'channelId'");
        CommandLine.Parse([]).Options!.WebhookEvents.Should().BeNull();
    }
}
