namespace BirdInfra.Emulator.Configuration;

/// <summary>Outcome of parsing the standalone command line: options, a help request, or an error for the user.</summary>
public sealed record CommandLineResult(EmulatorOptions? Options, bool ShowHelp, string? Error);
