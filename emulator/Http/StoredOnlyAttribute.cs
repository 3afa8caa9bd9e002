namespace BirdInfra.Emulator.Http;

/// <summary>
/// A stored field that never goes on the wire: the state file keeps it, response bodies and webhook payloads leave
/// it out, so a record can be its own wire shape instead of a view that repeats its fields.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class StoredOnlyAttribute : Attribute;
