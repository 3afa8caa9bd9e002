namespace BirdInfra.Tests.Reliability;

/// <summary>One row of the fault matrix: emulator fault rules (bodies for POST /_emulator/faults) and extra environment for the CLI.</summary>
public sealed record FaultCase(string Name, IReadOnlyList<object> Rules, IReadOnlyDictionary<string, string> Environment);
