using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using System.Globalization;

namespace BirdInfra.Emulator.Configuration;

/// <summary>Parses the standalone command line with System.CommandLine. Bad input is an error result, never an exception.</summary>
public static class CommandLine
{
    public const string DefaultStandaloneUrls = "http://127.0.0.1:5080";

    private const string Description = """
        BirdInfra Bird API emulator.
        On start it prints organizationId, workspaceId, adminAccessKey and listening lines.
        """;

    public static CommandLineResult Parse(IReadOnlyList<string> args)
    {
        var defaults = new EmulatorOptions { Urls = DefaultStandaloneUrls, Quiet = true };
        var urls = Text(
            "--urls",
            "URL",
            $"Address to listen on (default {DefaultStandaloneUrls}; port 0 = any free port).",
            value => string.IsNullOrWhiteSpace(value) ? "--urls must not be empty" : null);
        var data = Text("--data", "FILE", "Persist all state to FILE (JSON, written atomically) and reload it on start.");
        var organizationId = Text("--organization-id", "UUID", "Fixed bootstrap organization id (generated when omitted).", value => Uuid("--organization-id", value));
        var workspaceId = Text("--workspace-id", "UUID", "Fixed bootstrap workspace id (generated when omitted).", value => Uuid("--workspace-id", value));
        var adminKey = Text(
            "--admin-key",
            "TOKEN",
            "Fixed bootstrap admin access key, letters and digits (generated when omitted).",
            // The message leaves the value out: it is a secret.
            value => value.Length > 0 && value.All(char.IsAsciiLetterOrDigit) ? null : "--admin-key expects letters and digits only");
        var channelDelay = Seconds("--channel-delay", $"Delay until a connector's channel appears (default {defaults.ChannelDelay.TotalSeconds}; fractions allowed).");
        var channelActivationDelay = Seconds(
            "--channel-activation-delay",
            $"How long a new channel stays 'pending' before it is 'active' (default {defaults.ChannelActivationDelay.TotalSeconds}; 0 = active at once).");
        var allowHttpWebhooks = new Option<bool>("--allow-http-webhooks")
        {
            Description = "Allow http://127.0.0.1 / localhost / [::1] webhook URLs (for tests).",
        };
        var webhookRetryDelay = Seconds(
            "--webhook-retry-delay",
            $"First webhook retry delay, doubled per retry (default {defaults.WebhookRetryBaseDelay.TotalSeconds}).");
        var webhookMaxAttempts = Number(
            "--webhook-max-attempts",
            $"Delivery attempts per event, first try included (default {defaults.WebhookMaxAttempts}).",
            NumberStyles.None,
            1,
            20,
            "a whole number from 1 to 20");
        var faultSeed = Number("--fault-seed", "Seed for fault-injection randomness.", NumberStyles.AllowLeadingSign, int.MinValue, int.MaxValue, "a whole number");
        var roleUpdateWithPut = new Option<bool>("--role-update-put")
        {
            Description = "Role updates take PUT with the full body and answer PATCH with 405 (default: PATCH, and PUT answers 405).",
        };
        var noConnectorArguments = new Option<bool>("--no-connector-arguments")
        {
            Description = "Leave arguments (wabaId, phoneId, phoneNumber, mbPhoneId) out of connector responses.",
        };
        var accessKeyRoleRefs = new Option<bool>("--access-key-get-role-refs")
        {
            Description = "Answer GET of one access key with roleRefs, like the list, instead of expanded roles.",
        };
        var webhookEvents = new Option<string[]>("--webhook-event")
        {
            HelpName = "EVENT[:KEY,…]",
            Description = "Offer only these channels webhook events (repeat the option), optionally with fewer filter keys; default: the full catalogue.",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var verbose = new Option<bool>("--verbose") { Description = "Log ASP.NET Core warnings to the console." };

        var root = new RootCommand(Description)
        {
            urls, data, organizationId, workspaceId, adminKey, channelDelay, channelActivationDelay, allowHttpWebhooks, webhookRetryDelay, webhookMaxAttempts, faultSeed,
            roleUpdateWithPut, noConnectorArguments, accessKeyRoleRefs, webhookEvents, verbose,
        };

        // Keep the interface the emulator always had: help as -h, --help or -?, and no --version, /?, /h or [directives].
        foreach (var extra in root.Options.Where(o => o is HelpOption or VersionOption).ToList())
        {
            root.Options.Remove(extra);
        }

        root.Options.Add(new HelpOption("--help", "-h", "-?"));
        root.Directives.Clear();

        // No @file expansion: an argument starting with @ is taken literally.
        var result = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (result.Action is HelpAction)
        {
            using var help = new StringWriter(CultureInfo.InvariantCulture);
            result.Invoke(new InvocationConfiguration { Output = help, Error = help });
            return new CommandLineResult(null, help.ToString(), null);
        }

        // `--` and a leading [name] parse as tokens the emulator has no use for; they are not silently dropped.
        var unknown = result.UnmatchedTokens.FirstOrDefault()
            ?? result.Tokens.FirstOrDefault(t => t.Type is TokenType.DoubleDash or TokenType.Directive)?.Value;
        if (unknown is not null)
        {
            return new CommandLineResult(null, null, $"unknown option '{unknown}' (see --help)");
        }

        if (result.Errors.Count > 0)
        {
            return new CommandLineResult(null, null, result.Errors[0].Message);
        }

        var catalogue = WebhookEvents(result.GetValue(webhookEvents));
        if (catalogue.Error is { } catalogueError)
        {
            return new CommandLineResult(null, null, catalogueError);
        }

        var options = defaults with
        {
            Urls = result.GetValue(urls) ?? defaults.Urls,
            DataFile = result.GetValue(data),
            OrganizationId = result.GetValue(organizationId),
            WorkspaceId = result.GetValue(workspaceId),
            AdminAccessKey = result.GetValue(adminKey),
            ChannelDelay = result.GetValue(channelDelay) ?? defaults.ChannelDelay,
            ChannelActivationDelay = result.GetValue(channelActivationDelay) ?? defaults.ChannelActivationDelay,
            AllowHttpWebhooks = result.GetValue(allowHttpWebhooks),
            WebhookRetryBaseDelay = result.GetValue(webhookRetryDelay) ?? defaults.WebhookRetryBaseDelay,
            WebhookMaxAttempts = result.GetValue(webhookMaxAttempts) ?? defaults.WebhookMaxAttempts,
            FaultSeed = result.GetValue(faultSeed),
            RoleUpdateWithPut = result.GetValue(roleUpdateWithPut),
            EchoConnectorArguments = !result.GetValue(noConnectorArguments),
            AccessKeyGetExpandsRoles = !result.GetValue(accessKeyRoleRefs),
            WebhookEvents = catalogue.Events,
            Quiet = !result.GetValue(verbose),
        };
        return new CommandLineResult(options, null, null);
    }

    private static Option<string?> Text(string name, string helpName, string description, Func<string, string?>? problem = null) =>
        Valued<string?>(name, helpName, description, (r, text) =>
        {
            if (problem?.Invoke(text) is { } message)
            {
                r.AddError(message);
            }

            return text;
        });

    private static Option<TimeSpan?> Seconds(string name, string description) =>
        Valued<TimeSpan?>(name, "SECONDS", description, (r, text) =>
        {
            if (double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds)
                && !double.IsNaN(seconds) && seconds is >= 0 and <= 86_400)
            {
                return TimeSpan.FromSeconds(seconds);
            }

            r.AddError($"{name} expects a non-negative number of seconds, got '{text}'");
            return null;
        });

    private static Option<int?> Number(string name, string description, NumberStyles styles, int min, int max, string expected) =>
        Valued<int?>(name, "N", description, (r, text) =>
        {
            if (int.TryParse(text, styles, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
            {
                return n;
            }

            r.AddError($"{name} expects {expected}, got '{text}'");
            return null;
        });

    /// <summary>An option with one value, converted by <paramref name="convert"/> (which reports bad values on the result).</summary>
    private static Option<T> Valued<T>(string name, string helpName, string description, Func<ArgumentResult, string, T> convert) =>
        new(name)
        {
            HelpName = helpName,
            Description = description,
            // Zero-or-more lets the parser see a following option as an option rather than this option's value
            // (so a forgotten value is an error, not a swallowed flag), and lets a repeated option's last value win.
            Arity = ArgumentArity.ZeroOrMore,
            CustomParser = r =>
            {
                if (r.Tokens.Count == 0 || r.Tokens.Any(t => t.Value.StartsWith("--", StringComparison.Ordinal)))
                {
                    r.AddError($"option {name} needs a value");
                    return default!;
                }

                return convert(r, r.Tokens[^1].Value);
            },
        };

    /// <summary><c>--webhook-event</c> values: each <c>EVENT</c> or <c>EVENT:KEY,KEY</c>, from the full catalogue.</summary>
    private static (IReadOnlyDictionary<string, IReadOnlyList<string>?>? Events, string? Error) WebhookEvents(string[]? values)
    {
        if (values is not { Length: > 0 })
        {
            return (null, null);
        }

        var events = new Dictionary<string, IReadOnlyList<string>?>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var colon = value.IndexOf(':');
            var name = colon < 0 ? value : value[..colon];
            if (WebhookCatalog.FullFilterKeys(name) is not { } full)
            {
                return (null, $"--webhook-event: '{name}' is not a channels event of the emulator's catalogue");
            }

            IReadOnlyList<string>? keys = null;
            if (colon >= 0)
            {
                keys = value[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (keys.FirstOrDefault(k => !full.Contains(k)) is { } unknown)
                {
                    return (null, $"--webhook-event: '{name}' has no filter key '{unknown}' (it has: {string.Join(", ", full)})");
                }
            }

            events[name] = keys;
        }

        return (events, null);
    }

    private static string? Uuid(string option, string value) =>
        Guid.TryParse(value, out _) ? null : $"{option} expects a UUID, got '{value}'";
}
