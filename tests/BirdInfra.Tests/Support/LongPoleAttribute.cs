namespace BirdInfra.Tests.Support;

/// <summary>
/// Marks a test class that takes much longer than the rest (tens of seconds): <see cref="SlowFirstCollectionOrderer"/>
/// starts it before every other class, so the run does not end with it running alone.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class LongPoleAttribute : Attribute;
