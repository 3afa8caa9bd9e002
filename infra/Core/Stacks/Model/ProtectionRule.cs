
namespace BirdInfra.Stacks.Model;

/// <summary>
/// One source of protection: an item of <c>guards.protect</c> (a whole section, or one resource by
/// <c>section.logical-name</c>), or a resource's own <c>protect: true|false</c>, which overrides the list.
/// </summary>
/// <param name="LogicalName">Null for a whole section.</param>
/// <param name="OnResource">True for a resource's own <c>protect:</c> field.</param>
public sealed record ProtectionRule(string Section, string? LogicalName, bool Protect, bool OnResource, SourceLocation Location, string YamlPath)
{
    /// <summary>Where the protection comes from, for messages: "guards.protect ('connectors') at stacks/prod.yaml:4:13".</summary>
    public string Origin => OnResource
        ? $"protect: true on {Section}.{LogicalName} at {Location}"
        : $"guards.protect ('{(LogicalName is null ? Section : $"{Section}.{LogicalName}")}') at {Location}";
}
