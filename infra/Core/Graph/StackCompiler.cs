
namespace BirdInfra.Graph;

/// <summary>
/// Compiles a validated stack into the graph of resource declarations both engines apply. Each kind's section
/// already read its entries into the kind's inputs; here the target's ids are put into interpolated text, secrets
/// are read from their sources (generated ones left to the engine), and protection comes from the guards.
/// </summary>
public static class StackCompiler
{
    /// <param name="kinds">The kinds, whose ranks order resources that do not depend on each other.</param>
    /// <param name="secretValue">Reads a secret from its source (environment, or Pulumi config in Pulumi mode); null when unset.</param>
    public static CompileResult Compile(StackDefinition stack, KindRegistry kinds, string organizationId, string workspaceId, Func<string, string?> environment, Func<SecretSource, string?>? secretValue = null)
    {
        secretValue ??= source => source.EnvironmentVariable is { } name ? environment(name) : null;
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();

        InputExpression Resolve(InputExpression expression)
        {
            switch (expression)
            {
                case InterpolatedInput text:
                    return new LiteralInput(PropertyValue.String(StackInterpolation.Interpolate(text.Template, organizationId, workspaceId)));
                case SecretSourceInput { Source.IsGenerated: true } generated:
                    return new GeneratedSecretInput(generated.Source.GeneratedLength!.Value);
                case SecretSourceInput secret when secretValue(secret.Source) is { } value:
                    return new LiteralInput(PropertyValue.SecretString(value));
                case SecretSourceInput missing:
                    diagnostics.Add(new Diagnostic(
                        DiagnosticCodes.MissingEnvironmentVariable,
                        $"The secret {missing.Field} ({missing.Source}) has no value: set {missing.Source.EnvironmentVariable}.",
                        missing.Source.ConfigKey is { } key
                            ? $"Export {missing.Source.EnvironmentVariable}, or (under Pulumi) run `pulumi config set --secret {key}`."
                            : $"Export {missing.Source.EnvironmentVariable}.",
                        missing.Source.Location,
                        missing.Field));
                    return new LiteralInput(PropertyValue.Secret(PropertyValue.Unknown));
                case ListInput list:
                    var items = list.Items.Select(Resolve).ToImmutableArray();

                    // A list of plain values is one value, as the kinds see it.
                    return items.All(i => i is LiteralInput)
                        ? new LiteralInput(PropertyValue.List(items.Select(i => ((LiteralInput)i).Value)))
                        : new ListInput(items);
                case MapInput map:
                    return new MapInput(map.Properties.ToImmutableSortedDictionary(p => p.Key, p => Resolve(p.Value), StringComparer.Ordinal));
                default:
                    return expression;
            }
        }

        var resources = stack.Resources.Select(entry => new ResourceDeclaration(
            new ResourceAddress(entry.Kind, entry.LogicalName),
            entry.Inputs.ToImmutableSortedDictionary(i => i.Key, i => Resolve(i.Value), StringComparer.Ordinal),
            entry.Location,
            entry.YamlPath,
            stack.Guards.ProtectionOf(entry.Section, entry.LogicalName) is not null)).ToList();
        return diagnostics.Count > 0
            ? new CompileResult(null, diagnostics.ToImmutable())
            : new CompileResult(new DesiredGraph(DependencyOrder.Sort(resources, r => r.Address, r => r.Dependencies, kinds)), []);
    }
}
