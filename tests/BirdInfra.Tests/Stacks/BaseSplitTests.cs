using System.Text;
using BirdInfra.Graph;
using BirdInfra.Providers.Expressions;
using BirdInfra.Providers.Kinds;
using BirdInfra.Providers.Properties;
using BirdInfra.Stacks;
using BirdInfra.Tests.Support;

namespace BirdInfra.Tests.Stacks;

/// <summary>
/// stacks/dev.yaml and stacks/prod.yaml became overlays of stacks/base.yaml; their effective models are the files they
/// were before (kept in Fixtures/), with the same values under each stack's own variable names.
/// </summary>
public sealed class BaseSplitTests
{
    private const string OrganizationId = "6f0c1c9e-5d7b-4d8e-9a0b-1c2d3e4f5a6b";
    private const string WorkspaceId = "3b1e2c4d-6e8f-4a0b-8c1d-2e3f4a5b6c7d";

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void EffectiveModel_OfTheOverlay_EqualsTheStackFileBeforeTheSplit(string name)
    {
        var before = StackLoader.Load(Path.Combine(RepositoryPaths.Root, "tests", "BirdInfra.Tests", "Stacks", "Fixtures", $"{name}-before-base.yaml"), TestEnvironments.With(TestEnvironments.Real));
        var after = StackLoader.Load(Path.Combine(RepositoryPaths.Stacks, $"{name}.yaml"), TestEnvironments.With(TestEnvironments.RealFor(name)));
        before.Diagnostics.Should().BeEmpty();
        after.Diagnostics.Should().BeEmpty();
        after.Files.Select(Path.GetFileName).Should().Equal($"{name}.yaml", "base.yaml");

        Model(after.Stack!, TestEnvironments.RealFor(name)).Should().Equal(Model(before.Stack!, TestEnvironments.Real));
        after.Stack!.Guards.MaxDestructiveChanges.Should().Be(before.Stack!.Guards.MaxDestructiveChanges);
        after.Stack.Target.Endpoint.Should().Be(before.Stack.Target.Endpoint);
    }

    [Fact]
    public void BaseFile_IsNotAStackOnItsOwn_ButEveryOverlayNamesIt()
    {
        var result = StackLoader.Load(Path.Combine(RepositoryPaths.Stacks, "base.yaml"), TestEnvironments.Empty(checkSecrets: false));

        result.Stack.Should().BeNull("the base leaves ids, secrets and URLs to its overlays");
        StackLoader.FilesOf(Path.Combine(RepositoryPaths.Stacks, "dev.yaml")).Select(Path.GetFileName).Should().Equal("dev.yaml", "base.yaml");
    }

    [Fact]
    public void Print_ShippedProd_IsAStackFileWhoseModelEqualsTheOldProd()
    {
        var prod = Path.Combine(RepositoryPaths.Stacks, "prod.yaml");
        var load = StackLoader.Load(prod, TestEnvironments.With(TestEnvironments.RealFor("prod")));
        var printed = EffectiveStackWriter.Write(load.Effective!, prod, load.Files, f => Path.GetRelativePath(RepositoryPaths.Root, f));

        printed.Should().StartWith("# The effective stack stacks/prod.yaml: stacks/base.yaml extended by stacks/prod.yaml.")
            .And.Contain("accessPolicies:  # from stacks/base.yaml\n")
            .And.Contain("  channel-created:  # from stacks/base.yaml and stacks/prod.yaml\n")
            .And.Contain("signingKey: { env: BIRD_PROD_WEBHOOK_SIGNING_KEY, config: webhookSigningKey }")
            .And.Contain("maxDestructiveChanges: 3\n")
            .And.NotContain("extends");
        var reloaded = StackLoader.Load(Encoding.UTF8.GetBytes(printed), Path.Combine(RepositoryPaths.Stacks, "printed.yaml"), TestEnvironments.With(TestEnvironments.RealFor("prod")));
        reloaded.Diagnostics.Should().BeEmpty();
        Model(reloaded.Stack!, TestEnvironments.RealFor("prod")).Should().Equal(Model(load.Stack!, TestEnvironments.RealFor("prod")));
    }

    /// <summary>Every resolved input of every declaration, in declaration order, secrets by value (test values only).</summary>
    private static List<string> Model(BirdInfra.Stacks.Model.StackDefinition stack, IReadOnlyDictionary<string, string> environment)
    {
        var graph = StackCompiler.Compile(stack, BirdKinds.Default, OrganizationId, WorkspaceId, n => environment.TryGetValue(n, out var v) ? v : null).Graph!;
        return [.. graph.Resources.SelectMany(r => r.Inputs.Select(i => $"{r.Address} protected={r.Protected} {i.Key} = {Canon(i.Value)}").Prepend(r.Address.ToString()))];
    }

    private static string Canon(InputExpression expression) => expression switch
    {
        LiteralInput { Value.IsSecret: true } secret => $"secret({secret.Value.Unwrapped})",
        LiteralInput literal => literal.Value.ToString(),
        ListInput list => "[" + string.Join(", ", list.Items.Select(Canon)) + "]",
        MapInput map => "{" + string.Join(", ", map.Properties.Select(p => $"{p.Key}: {Canon(p.Value)}")) + "}",
        _ => expression.ToString()!,
    };
}
