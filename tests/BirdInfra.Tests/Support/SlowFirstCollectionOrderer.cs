using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace BirdInfra.Tests.Support;

/// <summary>
/// Starts the <see cref="LongPoleAttribute"/> classes first (the crash and fault matrices, PostgreSQL, the benchmark
/// script), then the other classes with tests tagged <c>[Trait("Category", "Slow")]</c>, then the rest: started last, a
/// long class runs on alone while everything else is done. Within each group, xUnit's own (deliberately unstable) order.
/// </summary>
public sealed class SlowFirstCollectionOrderer : ITestCollectionOrderer
{
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        new DefaultTestCollectionOrderer().OrderTestCollections(testCollections).OrderBy(Rank);

    private static int Rank(ITestCollection collection)
    {
        const string prefix = "Test collection for ";
        var name = collection.DisplayName.StartsWith(prefix, StringComparison.Ordinal) ? collection.DisplayName[prefix.Length..] : collection.DisplayName;
        return typeof(SlowFirstCollectionOrderer).Assembly.GetType(name) switch
        {
            { } type when type.GetCustomAttribute<LongPoleAttribute>() is not null => 0,
            { } type when IsSlow(type) || type.GetMethods().Any(IsSlow) => 1,
            _ => 2,
        };
    }

    private static bool IsSlow(MemberInfo member) =>
        member.GetCustomAttributesData().Any(a => a.AttributeType == typeof(TraitAttribute)
            && a.ConstructorArguments is [{ Value: "Category" }, { Value: "Slow" }]);
}
