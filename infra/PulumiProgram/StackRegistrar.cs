using System.Collections.Concurrent;
using BirdInfra.Execution;
using BirdInfra.Graph;
using BirdInfra.Planning;
using BirdInfra.Providers.Expressions;
using BirdInfra.Providers.Properties;
using BirdInfra.Providers.PulumiWire;
using BirdInfra.PulumiProgram.EngineProtos;
using BirdInfra.PulumiProgram.Rpc;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace BirdInfra.PulumiProgram;

/// <summary>
/// Registers a compiled stack with the Pulumi engine: the stack resource first, then one Pulumi.Random password per
/// generated secret, then every Bird resource (parented to the stack, its <c>bird:index:*</c> token, secrets wrapped,
/// dependencies and property dependencies for every reference), each as soon as what it reads is known (through the
/// engine's <see cref="GraphExecutor"/>, unbounded); then the stack outputs. Independent registrations run concurrently,
/// as the SDKs do.
/// </summary>
public sealed class StackRegistrar(
    ProgramSettings settings,
    ResourceMonitorClient monitor,
    EngineLogClient log,
    KindRegistry kinds,
    string birdVersion,
    string randomVersion)
{
    /// <summary>Registers everything; false when anything failed (every failure already logged at ERROR).</summary>
    public async Task<bool> RegisterAsync(DesiredGraph graph, CancellationToken cancellationToken)
    {
        var stack = await RegisterAsync(
            "the stack",
            new RegisterResourceRequest { Type = PulumiTokens.Stack, Name = $"{settings.Project}-{settings.Stack}", Object = new Struct() },
            cancellationToken).ConfigureAwait(false);

        var passwords = new Dictionary<(ResourceAddress, string), Task<RegisteredResource>>();
        foreach (var declaration in graph.Resources)
        {
            foreach (var (key, input) in declaration.Inputs)
            {
                if (input is GeneratedSecretInput generated)
                {
                    passwords[(declaration.Address, key)] = RegisterPasswordAsync(stack.Urn, PasswordName(declaration.Address, key), generated.Length, cancellationToken);
                }
            }
        }

        // Unbounded, as the SDKs are: every registration goes out as soon as what it reads is registered.
        var registered = new ConcurrentDictionary<ResourceAddress, RegisteredResource>();
        var registrations = GraphExecutor.Unbounded.ExecuteAsync(
            graph.Resources,
            d => d.Address,
            d => d.Dependencies,
            async (declaration, token) =>
            {
                var generated = passwords.Where(p => p.Key.Item1 == declaration.Address).ToDictionary(p => p.Key.Item2, p => p.Value);
                registered[declaration.Address] = await RegisterBirdResourceAsync(stack.Urn, declaration, registered, generated, token).ConfigureAwait(false);
            },
            cancellationToken);

        try
        {
            await Task.WhenAll(passwords.Values.Append<Task>(registrations)).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Each failure is looked at below; WhenAll only surfaces the first.
        }

        var failed = passwords.Values.Where(t => t.IsFaulted).Select(t => t.Exception!.GetBaseException()).ToList();
        if (passwords.Values.Any(t => t.IsCanceled) || registrations.IsCanceled || failed.OfType<OperationCanceledException>().Any())
        {
            cancellationToken.ThrowIfCancellationRequested();
        }

        var results = await registrations.ConfigureAwait(false);
        var byAddress = results.ToDictionary(r => r.Address);
        failed.AddRange(graph.Resources.Zip(results).Select(p => Failure(p.First, p.Second, byAddress)).OfType<Exception>());
        if (failed.Count > 0)
        {
            foreach (var failure in failed.OfType<RegistrationFailedException>())
            {
                await log.ErrorAsync(failure.Message, failure.Urn, cancellationToken).ConfigureAwait(false);
            }

            var skipped = failed.OfType<DependencyFailedException>().Select(f => f.What).ToList();
            if (skipped.Count > 0)
            {
                await log.ErrorAsync($"Not registered because a resource they depend on failed: {string.Join(", ", skipped)}.", null, cancellationToken).ConfigureAwait(false);
            }

            foreach (var other in failed.Where(f => f is not RegistrationFailedException and not DependencyFailedException))
            {
                await log.ErrorAsync(other.Message, null, cancellationToken).ConfigureAwait(false);
            }

            return false;
        }

        var outputs = StackOutputs(graph, registered, kinds);
        await Call("registering the stack outputs", stack.Urn, () => monitor.RegisterResourceOutputsAsync(
            new RegisterResourceOutputsRequest { Urn = stack.Urn, Outputs = PropertyStructConverter.ToStruct(outputs) },
            cancellationToken)).ConfigureAwait(false);
        return true;
    }

    /// <summary>The logical name of the password behind a generated secret, e.g. <c>main-inbound-signingKey</c>.</summary>
    public static string PasswordName(ResourceAddress address, string input) => $"{address.Name}-{input}";

    /// <summary>
    /// Stack outputs, as each kind's section declares them, in rank order: <c>accessKeyIds</c> and <c>accessKeyTokens</c>
    /// (access key logical name → its id / its token, secret), <c>connectorIds</c> and <c>channelIds</c> (connector
    /// logical name → its id / the channel Bird created for it), <c>webhookSubscriptionIds</c>. <c>birdinfra output</c>
    /// prints the same names from the built-in engine's state.
    /// </summary>
    public static PropertyMap StackOutputs(DesiredGraph graph, IReadOnlyDictionary<ResourceAddress, RegisteredResource> registered, KindRegistry kinds)
    {
        var outputs = kinds.Declarable.SelectMany(kind => kind.Stack!.Outputs.Select(output => KeyValuePair.Create(
            output.Name,
            PropertyValue.Map(PropertyMap.From(graph.Resources
                .Where(r => r.Address.Kind == kind.Name)
                .Select(r =>
                {
                    var value = registered[r.Address].Output(output.Property);
                    return KeyValuePair.Create(r.Address.Name, output.Secret ? PropertyValue.Secret(value) : value);
                }))))));
        return PropertyMap.From(outputs);
    }

    private async Task<RegisteredResource> RegisterPasswordAsync(string stackUrn, string name, int length, CancellationToken cancellationToken)
    {
        var request = CustomResource(PulumiTokens.RandomPassword, name, stackUrn, randomVersion);
        request.Object = PropertyStructConverter.ToStruct(PropertyMap.From(
        [
            KeyValuePair.Create("length", PropertyValue.Number(length)),
            KeyValuePair.Create("special", PropertyValue.False),
        ]));
        request.AdditionalSecretOutputs.AddRange(PulumiTokens.RandomPasswordSecretOutputs);
        return await RegisterAsync($"{PulumiTokens.RandomPassword} {name}", request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Why a resource is not registered, as each one is reported: its own failure; or, when it was skipped, that it
    /// depends on a failed resource, unless that resource failed for a reason other than a registration (then the
    /// same reason, as awaiting it would have rethrown).
    /// </summary>
    private Exception? Failure(ResourceDeclaration declaration, NodeResult result, IReadOnlyDictionary<ResourceAddress, NodeResult> results) => result switch
    {
        NodeFailed failed => failed.Error,
        NodeSkipped skipped => ((NodeFailed)results[skipped.FailedDependency]).Error switch
        {
            RegistrationFailedException or DependencyFailedException => new DependencyFailedException(What(declaration)),
            var other => other,
        },
        _ => null,
    };

    private string What(ResourceDeclaration declaration) => $"{kinds.GetByName(declaration.Address.Kind).TypeToken} {declaration.Address.Name}";

    /// <summary>Registers one Bird resource once everything it reads is <paramref name="registered"/>; waits for its passwords.</summary>
    private async Task<RegisteredResource> RegisterBirdResourceAsync(
        string stackUrn,
        ResourceDeclaration declaration,
        IReadOnlyDictionary<ResourceAddress, RegisteredResource> registered,
        IReadOnlyDictionary<string, Task<RegisteredResource>> passwords,
        CancellationToken cancellationToken)
    {
        var kind = kinds.GetByName(declaration.Address.Kind);
        var what = What(declaration);
        var generated = new Dictionary<string, RegisteredResource>(StringComparer.Ordinal);
        try
        {
            foreach (var (input, task) in passwords)
            {
                generated[input] = await task.ConfigureAwait(false);
            }
        }
        catch (RegistrationFailedException)
        {
            throw new DependencyFailedException(what);
        }

        var request = CustomResource(kind.TypeToken, declaration.Address.Name, stackUrn, birdVersion);

        // The stack file's guards become Pulumi's protect, sent explicitly so removing a protection unprotects.
        request.Protect = declaration.Protected;
        var inputs = new List<KeyValuePair<string, PropertyValue>>();
        var allDependencies = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (key, expression) in declaration.Inputs)
        {
            var urns = new SortedSet<string>(StringComparer.Ordinal);
            PropertyValue value;
            if (expression is GeneratedSecretInput)
            {
                var password = generated[key];
                urns.Add(password.Urn);
                value = PropertyValue.Secret(password.Output("result"));
            }
            else
            {
                value = InputResolver.Resolve(expression, reference =>
                {
                    var source = registered[reference.Target];
                    urns.Add(source.Urn);
                    return source.Output(reference.Output);
                });
            }

            // An unknown during an update is a resource the engine skipped (`pulumi up --target` answers a create outside
            // the target without id or outputs): like Pulumi's own SDKs, pass it on and let the engine decide.
            if (!value.IsNull)
            {
                inputs.Add(KeyValuePair.Create(key, value));
            }

            allDependencies.UnionWith(urns);
            var property = new RegisterResourceRequest.Types.PropertyDependencies();
            property.Urns.AddRange(urns);
            request.PropertyDependencies[key] = property;
        }

        request.Object = PropertyStructConverter.ToStruct(PropertyMap.From(inputs));
        request.Dependencies.AddRange(allDependencies);
        request.AdditionalSecretOutputs.AddRange(kind.Schema.Outputs.Where(o => o.Secret).Select(o => o.Name));
        return await RegisterAsync(what, request, cancellationToken).ConfigureAwait(false);
    }

    private static RegisterResourceRequest CustomResource(string type, string name, string parent, string version) => new()
    {
        Type = type,
        Name = name,
        Parent = parent,
        Custom = true,
        Version = version,
        AcceptSecrets = true,
        AcceptResources = false,
        SupportsPartialValues = true,
        SupportsResultReporting = true,
    };

    private async Task<RegisteredResource> RegisterAsync(string what, RegisterResourceRequest request, CancellationToken cancellationToken)
    {
        var urn = request.Type == PulumiTokens.Stack
            ? $"urn:pulumi:{settings.Stack}::{settings.Project}::{request.Type}::{request.Name}"
            : settings.UrnOf(request.Type, request.Name);
        var response = await Call(what, urn, () => monitor.RegisterResourceAsync(request, cancellationToken)).ConfigureAwait(false);
        if (response.Result == Result.Fail)
        {
            throw new RegistrationFailedException(what, response.Urn.Length > 0 ? response.Urn : urn, "the engine reported that its step failed (see the error above); resources that read it were not registered.");
        }

        var unknown = response.Result == Result.Skip || response.Unknown;
        return new RegisteredResource(
            response.Urn.Length > 0 ? response.Urn : urn,
            response.Id,
            PropertyStructConverter.ToPropertyMap(response.Object),
            unknown);
    }

    private static async Task<T> Call<T>(string what, string urn, Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (RpcException e)
        {
            throw new RegistrationFailedException(what, urn, $"the engine refused the registration: {e.Status.Detail} (gRPC {e.StatusCode})", e);
        }
    }
}
