using System.CommandLine;
using System.Globalization;
using BirdInfra.Apply;
using BirdInfra.Commands;
using BirdInfra.Emulation;
using BirdInfra.Outputs;
using BirdInfra.Providers.Client;

namespace BirdInfra.Cli;

/// <summary>The `birdinfra` command line: parses arguments, runs a command, and turns user errors into a message and exit code 1.</summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, ConsoleIO io, string workingDirectory, CancellationToken cancellationToken)
    {
        var parse = Command(io, workingDirectory).Parse(args);
        return await parse.InvokeAsync(new InvocationConfiguration { Output = io.Out, Error = io.Error }, cancellationToken);
    }

    /// <summary>The command tree; parsing with it (without invoking) tells whether a command line is one birdinfra accepts.</summary>
    public static RootCommand Command(ConsoleIO io, string workingDirectory)
    {
        // The CLI's host is composed here: the embedded emulator for `endpoint: emulator`, and the kinds the engine is given.
        var targets = EmbeddedEmulatorTargets.Instance;
        var kinds = BirdKinds.Default;
        var stackOption = new Option<string>("--stack", "-s")
        {
            Description = "The stack to act on: stacks/<NAME>.yaml",
            Required = true,
        };
        var oneStackOption = new Option<string?>("--stack", "-s") { Description = "The stack to act on: stacks/<NAME>.yaml (or --stacks / --all)" };
        var stacksOption = new Option<string?>("--stacks") { Description = "Every stack whose name matches GLOB (e.g. 'prod-*'), in one run" };
        var allOption = new Option<bool>("--all") { Description = "Every stack in stacks/ (bases named in `extends` are not stacks), in one run" };
        var yesOption = new Option<bool>("--yes", "-y") { Description = "Apply without asking for confirmation" };
        var jsonOption = new Option<bool>("--json") { Description = "Print the plan as one JSON document (the same as --format json)" };
        var formatOption = new Option<string?>("--format") { Description = "How to print the plan: text (default), markdown (a pull-request comment) or json" };
        formatOption.AcceptOnlyFromAmong("text", "markdown", "json");
        var outOption = new Option<string?>("--out") { Description = "Also save the plan to FILE (JSON, no secret in plaintext) for `up --plan FILE`" };
        var planOption = new Option<string?>("--plan") { Description = "Apply exactly the plan `preview --out` saved in FILE; refused when it is stale" };
        var noColorOption = new Option<bool>("--no-color") { Description = "Plain text even when stdout is a terminal (as does the NO_COLOR variable)" };
        var detailedOption = new Option<bool>("--detailed-exitcode") { Description = "Exit 0 when there is nothing to do, 2 when there are changes, 1 on error" };
        var allowDestructiveOption = new Option<bool>("--allow-destructive-changes")
        {
            Description = "Go past the stack's guards.maxDestructiveChanges (protected resources stay protected)",
        };

        var allowAccessGainsOption = new Option<bool>("--allow-access-gains")
        {
            Description = "Go past the stack's guards.accessGains: block (the keys' gains are still reported, as warnings)",
        };

        var parallelOption = new Option<int>("--parallel")
        {
            HelpName = "N",
            Description = "Run at most N operations at once, in dependency order (1 runs them one at a time)",
            DefaultValueFactory = _ => Applier.DefaultParallelism,
            CustomParser = r =>
            {
                var text = r.Tokens.Count > 0 ? r.Tokens[^1].Value : string.Empty;
                if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 1)
                {
                    return n;
                }

                r.AddError($"--parallel must be a whole number of at least 1 (1 runs one operation at a time), not '{text}'.");
                return Applier.DefaultParallelism;
            },
        };

        CommandOptions Options(ParseResult r) => new(r.GetValue(stackOption)!, StackPaths.FindRoot(workingDirectory))
        {
            Kinds = kinds,
            Parallel = r.GetResult(parallelOption) is null ? Applier.DefaultParallelism : r.GetValue(parallelOption),
            Yes = r.GetValue(yesOption),
            Json = r.GetValue(jsonOption),
            Format = Format(r.GetValue(jsonOption), r.GetValue(formatOption)),
            NoColor = r.GetValue(noColorOption),
            PlanOut = r.GetValue(outOption) is { } outFile ? Path.GetFullPath(outFile, workingDirectory) : null,
            PlanFile = r.GetValue(planOption) is { } planFile ? Path.GetFullPath(planFile, workingDirectory) : null,
            DetailedExitCode = r.GetValue(detailedOption),
            AllowDestructiveChanges = r.GetValue(allowDestructiveOption),
            AllowAccessGains = r.GetValue(allowAccessGainsOption),
        };

        // validate, preview, drift and output take --stack NAME, or --stacks GLOB / --all for many stacks in one process.
        Task<int> OneOrMany(ParseResult r, CommandOptions options, bool json, Func<CommandOptions, Task<int>> one, Func<CommandOptions, ConsoleIO, CancellationToken, Task<(int, System.Text.Json.Nodes.JsonObject)>> each, CancellationToken ct)
        {
            var stack = r.GetValue(oneStackOption);
            var glob = r.GetValue(stacksOption);
            var all = r.GetValue(allOption);
            if ((stack is null ? 0 : 1) + (glob is null ? 0 : 1) + (all ? 1 : 0) != 1)
            {
                throw new UserError("Give exactly one of --stack NAME, --stacks GLOB or --all.");
            }

            if (stack is not null)
            {
                return one(options with { Stack = stack });
            }

            if (options.PlanOut is not null)
            {
                throw new UserError("--out saves the plan of one stack: use it with --stack NAME.");
            }

            return ManyStacksCommand.RunAsync(options, StackSelection.Select(options.Root, all ? null : glob), json, io, each, ct);
        }

        var preview = new Command("preview", "Show, property by property, what `up` would change in Bird")
        {
            oneStackOption, stacksOption, allOption, formatOption, jsonOption, outOption, detailedOption, allowDestructiveOption, allowAccessGainsOption, noColorOption,
        };
        preview.SetAction((r, ct) => Guard(io, () =>
        {
            var options = Options(r);
            return OneOrMany(r, options, options.Format == PlanFormat.Json, one => PreviewCommand.RunAsync(one, io, targets, null, ct), async (each, own, token) =>
            {
                var figures = new System.Text.Json.Nodes.JsonObject();
                var code = await PreviewCommand.RunAsync(each, own, targets, summary =>
                {
                    figures["create"] = summary.Create;
                    figures["update"] = summary.Update;
                    figures["replace"] = summary.Replace;
                    figures["delete"] = summary.Delete;
                }, token);
                return (code, figures);
            }, ct);
        }));
        var up = new Command("up", "Make Bird match the stack") { stackOption, yesOption, planOption, allowDestructiveOption, allowAccessGainsOption, noColorOption, parallelOption };
        up.SetAction((r, ct) => Guard(io, () => r.GetValue(planOption) is null
            ? UpCommand.RunAsync(Options(r), io, targets, destroy: false, ct)
            : UpFromPlanCommand.RunAsync(Options(r), io, targets, ct)));
        var refresh = new Command("refresh", "Report changes made outside BirdInfra and record them in state") { stackOption, noColorOption, parallelOption };
        refresh.SetAction((r, ct) => Guard(io, () => CommandSession.RunAsync(Options(r), "refresh", io, targets, RefreshCommand.RunAsync, ct)));
        var driftDetailedOption = new Option<bool>("--detailed-exitcode")
        {
            Description = "Exit 0 when nothing was found, 2 on managed drift, 3 when only objects beside the stack were found, 1 on error",
        };
        var recordOption = new Option<bool>("--record") { Description = "Also record changed and deleted managed objects in state, as `refresh` does" };
        var drift = new Command("drift", "Report managed objects changed or deleted outside BirdInfra, and what lives beside the stack (reads only)")
        {
            oneStackOption, stacksOption, allOption, formatOption, jsonOption, driftDetailedOption, recordOption, noColorOption, parallelOption,
        };
        drift.SetAction((r, ct) => Guard(io, () =>
        {
            var options = Options(r) with { DetailedExitCode = r.GetValue(driftDetailedOption), Record = r.GetValue(recordOption) };
            return OneOrMany(r, options, options.Format == PlanFormat.Json, one => DriftCommand.RunAsync(one, io, targets, null, ct), async (each, own, token) =>
            {
                var figures = new System.Text.Json.Nodes.JsonObject();
                var code = await DriftCommand.RunAsync(each, own, targets, report =>
                {
                    figures["drifted"] = report.Drifted.Length;
                    figures["deleted"] = report.Deleted;
                    figures["beside"] = report.Beside.Length;
                    figures["ignored"] = report.Ignored;
                    figures["critical"] = report.Critical;
                }, token);
                return (code, figures);
            }, ct);
        }));
        var destroy = new Command("destroy", "Delete everything the stack owns in Bird (nothing else)") { stackOption, yesOption, noColorOption, parallelOption };
        destroy.SetAction((r, ct) => Guard(io, () => UpCommand.RunAsync(Options(r), io, targets, destroy: true, ct)));
        var outputArgument = new Argument<string?>("OUTPUT")
        {
            Description = $"Print only this output: {string.Join(", ", StateOutputs.Declared(kinds).Select(o => o.Name))}",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var outputJsonOption = new Option<bool>("--json") { Description = "Print the outputs as one JSON object" };
        var showSecretsOption = new Option<bool>("--show-secrets") { Description = "Print secret outputs (access key tokens) in plaintext" };
        var output = new Command("output", "Print the stack's outputs (ids, channel ids, access key tokens) from state, without calling Bird")
        {
            oneStackOption, stacksOption, allOption, outputArgument, outputJsonOption, showSecretsOption,
        };
        output.SetAction((r, ct) => Guard(io, () =>
        {
            var options = Options(r) with { Json = r.GetValue(outputJsonOption), ShowSecrets = r.GetValue(showSecretsOption), Output = r.GetValue(outputArgument) };
            return OneOrMany(r, options, options.Json, one => OutputCommand.RunAsync(one, io, ct), async (each, own, token) =>
                (await OutputCommand.RunAsync(each, own, token), new System.Text.Json.Nodes.JsonObject()), ct);
        }));
        var baseOption = new Option<string?>("--base") { Description = "Write the stack as an overlay of this base file (extends: FILE, then only what differs)" };
        var export = new Command("export", "Print a stack file declaring what the stack's target already holds in Bird (reads only)") { stackOption, baseOption };
        export.SetAction((r, ct) => Guard(io, () => ExportCommand.RunAsync(
            Options(r), r.GetValue(baseOption) is { } baseFile ? Path.GetFullPath(baseFile, workingDirectory) : null, io, targets, ct)));
        var import = new Command("import", "Record the Bird objects the stack declares and state lacks as owned, found by natural key (sends nothing that changes Bird)")
        {
            stackOption, yesOption,
        };
        import.SetAction((r, ct) => Guard(io, () => CommandSession.RunAsync(Options(r), "import", io, targets, ImportCommand.RunAsync, ct)));
        var historyJsonOption = new Option<bool>("--json") { Description = "Print the records as one JSON array" };
        var limitOption = new Option<int?>("--limit") { Description = "Only the newest N records" };
        var history = new Command("history", "List what changed the stack, newest first: when, who, from which commit, each change and the result")
        {
            stackOption, historyJsonOption, limitOption,
        };
        history.SetAction((r, ct) => Guard(io, () => HistoryCommand.RunAsync(Options(r) with { Json = r.GetValue(historyJsonOption), Limit = r.GetValue(limitOption) }, io, ct)));
        var withOption = new Option<string>("--with") { Description = "The stack to compare with: stacks/<NAME>.yaml", Required = true };
        var liveOption = new Option<bool>("--live") { Description = "Compare what Bird holds for each stack (both targets read, nothing changed) instead of the declarations" };
        var compareFormatOption = new Option<string?>("--format") { Description = "How to print the differences: text (default), markdown or json" };
        var compare = new Command("compare", "Show what differs between two stacks' declarations, property by property (reads no secret, changes nothing)")
        {
            stackOption, withOption, liveOption, compareFormatOption, jsonOption, detailedOption,
        };
        compare.SetAction((r, ct) => Guard(io, () => CompareCommand.RunAsync(
            Options(r) with { Format = Format(r.GetValue(jsonOption), r.GetValue(compareFormatOption)) }, r.GetValue(withOption)!, r.GetValue(liveOption), io, targets, ct)));
        var printOption = new Option<bool>("--print") { Description = "Also print the effective stack file (its bases merged; secrets as their placeholders), each block commented with its source file" };
        var validateFormatOption = new Option<string?>("--format") { Description = "With --stacks / --all: text (default) or json ({\"stacks\": {...}, \"summary\": [...]})" };
        var validate = new Command("validate", "Check a stack file offline and report every problem")
        {
            oneStackOption, stacksOption, allOption, printOption, validateFormatOption, jsonOption,
        };
        validate.SetAction((r, ct) => Guard(io, () =>
        {
            var options = Options(r) with { Print = r.GetValue(printOption), Format = Format(r.GetValue(jsonOption), r.GetValue(validateFormatOption)) };
            return OneOrMany(r, options, options.Format == PlanFormat.Json, one => Task.FromResult(ValidateCommand.Run(one, io)), (each, own, token) =>
                Task.FromResult(ValidateCommand.RunWithFigures(each, own)), ct);
        }));
        var accessFormatOption = new Option<string?>("--format") { Description = "How to print: text (default), markdown or json" };
        accessFormatOption.AcceptOnlyFromAmong("text", "markdown", "json");
        var accessJsonOption = new Option<bool>("--json") { Description = "The same as --format json" };
        var keyOption = new Option<string?>("--key") { HelpName = "LOGICAL", Description = "Only this access key (its logical name in accessKeys)" };
        var requestOption = new Option<string[]>("--request")
        {
            HelpName = "\"METHOD PATH\"",
            Description = "Evaluate this request instead (repeatable); '*' in PATH = any id, the answer must hold for every id",
            AllowMultipleArgumentsPerToken = false,
        };
        var probeOption = new Option<bool>("--probe")
        {
            Description = "After up: send each operation with the key's own token (ids that do not exist, bodies Bird must refuse) and check Bird's 403-or-not against what BirdInfra computes",
        };
        var access = new Command("access", "What each access key of the stack can do, from its policies (offline; sends nothing to Bird)")
        {
            stackOption, keyOption, accessFormatOption, accessJsonOption, requestOption, probeOption,
        };
        access.SetAction((r, ct) => Guard(io, () =>
        {
            var accessOptions = Options(r) with { Format = Format(r.GetValue(accessJsonOption), r.GetValue(accessFormatOption)) };
            return r.GetValue(probeOption)
                ? AccessCommand.ProbeAsync(accessOptions, r.GetValue(keyOption), io, targets, ct)
                : Task.FromResult(AccessCommand.Run(accessOptions, r.GetValue(keyOption), r.GetValue(requestOption) ?? [], io));
        }));
        var unlock = new Command("unlock", "Clear the lock a killed run left on a stack") { stackOption, yesOption };
        unlock.SetAction((r, ct) => Guard(io, () => UnlockCommand.RunAsync(Options(r), io, ct)));

        var doctorFormatOption = new Option<string?>("--format") { Description = "How to print the checks: text (default) or json" };
        doctorFormatOption.AcceptOnlyFromAmong("text", "json");
        var doctorJsonOption = new Option<bool>("--json") { Description = "Print the checks as one JSON document (the same as --format json)" };
        var doctor = new Command("doctor", "Check, read-only, whether the endpoint, deploy key, permissions, clock and state are ready for this stack")
        {
            stackOption, doctorFormatOption, doctorJsonOption,
        };
        doctor.SetAction((r, ct) => Guard(io, () => DoctorCommand.RunAsync(
            Options(r) with { Json = Format(r.GetValue(doctorJsonOption), r.GetValue(doctorFormatOption)) == PlanFormat.Json },
            io,
            targets,
            ct)));

        var toOption = new Option<string>("--to")
        {
            Description = "The backend to copy the state into: postgres (the connection string from BIRDINFRA_STATE_DB) or local",
            Required = true,
        };
        toOption.AcceptOnlyFromAmong("postgres", "local");
        var migrate = new Command("migrate", "Copy the stack's state, journal and history to another backend (asks first; --yes skips)") { stackOption, toOption, yesOption };
        migrate.SetAction((r, ct) => Guard(io, () => StateMigrateCommand.RunAsync(Options(r), r.GetValue(toOption)!, io, ct)));
        var state = new Command("state", "Manage where the stack's state is kept") { migrate };

        return new RootCommand("BirdInfra: Bird (bird.com) WhatsApp contact-center infrastructure as code")
        {
            preview, up, refresh, drift, destroy, output, history, export, import, validate, compare, access, doctor, unlock, state,
        };
    }

    /// <summary>`--json` is `--format json`; asking for json and another format at once is a mistake worth reporting.</summary>
    private static PlanFormat Format(bool json, string? format) => (json, format) switch
    {
        (true, null or "json") => PlanFormat.Json,
        (true, _) => throw new UserError($"--json means --format json; it cannot be combined with --format {format}."),
        (false, "markdown") => PlanFormat.Markdown,
        (false, "json") => PlanFormat.Json,
        _ => PlanFormat.Text,
    };

    private static async Task<int> Guard(ConsoleIO io, Func<Task<int>> run)
    {
        try
        {
            return await run();
        }
        catch (Exception e) when (e is UserError or StateException)
        {
            io.Error.WriteLine("error: " + e.Message);
            return ExitCodes.Error;
        }
        catch (BirdApiException e)
        {
            // Reading Bird failed before anything was applied (operations that fail during an apply are reported by the apply).
            io.Error.WriteLine($"error: {e.Message} Nothing was applied; run the command again once Bird answers.");
            return ExitCodes.Error;
        }
        catch (OperationCanceledException)
        {
            io.Error.WriteLine("error: cancelled. State records every operation that completed.");
            return ExitCodes.Error;
        }
    }
}
