using System.Globalization;

namespace BirdInfra.Emulator.Configuration;

/// <summary>Parses the standalone command line. Bad input is an error result, never an exception.</summary>
public static class CommandLine
{
    public const string DefaultStandaloneUrls = "http://127.0.0.1:5080";

    public const string HelpText = """
        BirdInfra Bird API emulator

        Usage: BirdInfra.Emulator [options]
          dotnet run --project emulator -- --urls http://127.0.0.1:5080

        Options:
          --urls URL                  Address to listen on (default http://127.0.0.1:5080; port 0 = any free port).
          --data FILE                 Persist all state to FILE (JSON, written atomically) and reload it on start.
          --organization-id UUID      Fixed bootstrap organization id (generated when omitted).
          --workspace-id UUID         Fixed bootstrap workspace id (generated when omitted).
          --admin-key TOKEN           Fixed bootstrap admin access key (generated when omitted).
          --channel-delay SECONDS     Delay until a connector's channel appears (default 2; fractions allowed).
          --allow-http-webhooks       Allow http://127.0.0.1 / localhost / [::1] webhook URLs (for tests).
          --webhook-retry-delay SECS  First webhook retry delay, doubled per retry (default 1).
          --webhook-max-attempts N    Delivery attempts per event, first try included (default 6).
          --fault-seed N              Seed for fault-injection randomness.
          --verbose                   Log ASP.NET Core warnings to the console.
          -h, --help                  Show this help.

        On start it prints organizationId, workspaceId, adminAccessKey and listening lines.
        """;

    public static CommandLineResult Parse(IReadOnlyList<string> args)
    {
        var options = new EmulatorOptions { Urls = DefaultStandaloneUrls, Quiet = true };
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? inlineValue = null;
            var eq = arg.IndexOf('=');
            if (arg.StartsWith("--", StringComparison.Ordinal) && eq > 0)
            {
                inlineValue = arg[(eq + 1)..];
                arg = arg[..eq];
            }

            string? error = null;
            string Value()
            {
                if (inlineValue is not null)
                {
                    return inlineValue;
                }

                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    error = $"option {arg} needs a value";
                    return "";
                }

                return args[++i];
            }

            switch (arg)
            {
                case "-h" or "--help" or "-?":
                    return new CommandLineResult(null, true, null);
                case "--urls":
                    options = options with { Urls = Value() };
                    break;
                case "--data":
                    options = options with { DataFile = Value() };
                    break;
                case "--organization-id":
                    options = options with { OrganizationId = Value() };
                    error ??= CheckUuid(arg, options.OrganizationId);
                    break;
                case "--workspace-id":
                    options = options with { WorkspaceId = Value() };
                    error ??= CheckUuid(arg, options.WorkspaceId);
                    break;
                case "--admin-key":
                    options = options with { AdminAccessKey = Value() };
                    error ??= CheckToken(options.AdminAccessKey);
                    break;
                case "--channel-delay":
                {
                    var text = Value();
                    if (error is null)
                    {
                        if (!TryParseSeconds(text, out var delay))
                        {
                            error = $"--channel-delay expects a non-negative number of seconds, got '{text}'";
                        }
                        else
                        {
                            options = options with { ChannelDelay = delay };
                        }
                    }

                    break;
                }
                case "--webhook-retry-delay":
                {
                    var text = Value();
                    if (error is null)
                    {
                        if (!TryParseSeconds(text, out var delay))
                        {
                            error = $"--webhook-retry-delay expects a non-negative number of seconds, got '{text}'";
                        }
                        else
                        {
                            options = options with { WebhookRetryBaseDelay = delay };
                        }
                    }

                    break;
                }
                case "--webhook-max-attempts":
                {
                    var text = Value();
                    if (error is null)
                    {
                        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > 20)
                        {
                            error = $"--webhook-max-attempts expects a whole number from 1 to 20, got '{text}'";
                        }
                        else
                        {
                            options = options with { WebhookMaxAttempts = n };
                        }
                    }

                    break;
                }
                case "--fault-seed":
                {
                    var text = Value();
                    if (error is null)
                    {
                        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seed))
                        {
                            error = $"--fault-seed expects a whole number, got '{text}'";
                        }
                        else
                        {
                            options = options with { FaultSeed = seed };
                        }
                    }

                    break;
                }
                case "--allow-http-webhooks":
                    options = options with { AllowHttpWebhooks = inlineValue is null || inlineValue is "true" };
                    break;
                case "--verbose":
                    options = options with { Quiet = false };
                    break;
                default:
                    error = $"unknown option '{args[i]}' (see --help)";
                    break;
            }

            if (error is not null)
            {
                return new CommandLineResult(null, false, error);
            }
        }

        if (string.IsNullOrWhiteSpace(options.Urls))
        {
            return new CommandLineResult(null, false, "--urls must not be empty");
        }

        return new CommandLineResult(options, false, null);
    }

    private static bool TryParseSeconds(string text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (!double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds)
            || double.IsNaN(seconds) || seconds < 0 || seconds > 86_400)
        {
            return false;
        }

        value = TimeSpan.FromSeconds(seconds);
        return true;
    }

    private static string? CheckUuid(string option, string? value) =>
        Guid.TryParse(value, out _) ? null : $"{option} expects a UUID, got '{value}'";

    private static string? CheckToken(string? value) =>
        !string.IsNullOrEmpty(value) && value.All(char.IsAsciiLetterOrDigit)
            ? null
            : "--admin-key expects letters and digits only";
}
