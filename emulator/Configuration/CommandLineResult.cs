namespace BirdInfra.Emulator.Configuration;

/// <summary>Outcome of parsing the standalone command line: options, help text to print, or an error for the user.</summary>
public sealed record CommandLineResult(EmulatorOptions? Options, string? Help, string? Error);
