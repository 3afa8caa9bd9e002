using System.Collections.Frozen;
using BirdInfra.Providers.Client;
using BirdInfra.Providers.Kinds;
using BirdInfra.Providers.Kinds.Recovery;
using BirdInfra.Providers.Properties;
using BirdInfra.Providers.PulumiWire;
using BirdInfra.PulumiPlugin.Grpc;
using BirdInfra.PulumiPlugin.Hosting;
using BirdInfra.PulumiPlugin.Protos;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Logging;

namespace BirdInfra.PulumiPlugin.Provider;

/// <summary>
/// The <c>pulumirpc.ResourceProvider</c> RPCs over the Bird kinds: wire values in, the kind's own Check/Diff/CRUD
/// (the same code the built-in engine runs), wire values out. Dispatch is by type token through the registry.
/// </summary>
public sealed class BirdResourceProvider : IDisposable
{
    public const string ServiceName = "pulumirpc.ResourceProvider";

    /// <summary>How long each step of recovering an interrupted create may take: the lookup, and the delete of a tokenless key.</summary>
    private static readonly TimeSpan RecoveryBudget = TimeSpan.FromSeconds(30);

    /// <summary>The plugin keeps no state: Pulumi's engine knows which objects it owns, so none is left out of a lookup.</summary>
    private static readonly IReadOnlySet<string> NoneOwned = FrozenSet<string>.Empty;

    private readonly KindRegistry _registry;
    private readonly PluginLifetime _lifetime;
    private readonly Func<string, string?> _environment;
    private readonly ILogger<BirdResourceProvider> _logger;
    private readonly string _version;
    private readonly Lazy<string> _schema;
    private ProviderContext? _context;
    private ProviderSettings? _settings;

    public BirdResourceProvider(KindRegistry registry, PluginLifetime lifetime, Func<string, string?> environment, ILogger<BirdResourceProvider> logger, string version)
    {
        _registry = registry;
        _lifetime = lifetime;
        _environment = environment;
        _logger = logger;
        _version = version;
        _schema = new Lazy<string>(() => PackageSchemaBuilder.Build(_registry, _version));
    }

    /// <summary>The engine address learnt from Handshake or Attach (argv carries it too).</summary>
    public string? EngineAddress { get; private set; }

    public IEnumerable<IUnaryMethod> Methods() =>
    [
        new UnaryMethod<ProviderHandshakeRequest, ProviderHandshakeResponse>("Handshake", ProviderHandshakeRequest.Parser, HandshakeAsync),
        new UnaryMethod<Empty, PluginInfo>("GetPluginInfo", Empty.Parser, (_, _) => Task.FromResult(new PluginInfo { Version = _version })),
        new UnaryMethod<PluginAttach, Empty>("Attach", PluginAttach.Parser, AttachAsync),
        new UnaryMethod<GetSchemaRequest, GetSchemaResponse>("GetSchema", GetSchemaRequest.Parser, GetSchemaAsync),
        new UnaryMethod<CheckRequest, CheckResponse>("CheckConfig", CheckRequest.Parser, (r, _) => Task.FromResult(ProviderConfigChecks.Check(r))),
        new UnaryMethod<DiffRequest, DiffResponse>("DiffConfig", DiffRequest.Parser, (r, _) => Task.FromResult(ProviderConfigChecks.Diff(r, _environment))),
        new UnaryMethod<ConfigureRequest, ConfigureResponse>("Configure", ConfigureRequest.Parser, ConfigureAsync),
        new UnaryMethod<CheckRequest, CheckResponse>("Check", CheckRequest.Parser, CheckAsync),
        new UnaryMethod<DiffRequest, DiffResponse>("Diff", DiffRequest.Parser, DiffAsync),
        new UnaryMethod<CreateRequest, CreateResponse>("Create", CreateRequest.Parser, CreateAsync),
        new UnaryMethod<ReadRequest, ReadResponse>("Read", ReadRequest.Parser, ReadAsync),
        new UnaryMethod<UpdateRequest, UpdateResponse>("Update", UpdateRequest.Parser, UpdateAsync),
        new UnaryMethod<DeleteRequest, Empty>("Delete", DeleteRequest.Parser, DeleteAsync),
        new UnaryMethod<Empty, Empty>("Cancel", Empty.Parser, CancelAsync),
    ];

    public void Dispose() => _context?.Client.Dispose();

    private Task<ProviderHandshakeResponse> HandshakeAsync(ProviderHandshakeRequest request, CancellationToken cancellationToken)
    {
        EngineAddress = request.EngineAddress;

        // Same answers as Configure: secrets and resource references arrive typed; references are read as their id.
        return Task.FromResult(new ProviderHandshakeResponse { AcceptSecrets = true, AcceptResources = true });
    }

    private Task<Empty> AttachAsync(PluginAttach request, CancellationToken cancellationToken)
    {
        EngineAddress = request.Address;
        return Task.FromResult(new Empty());
    }

    private Task<GetSchemaResponse> GetSchemaAsync(GetSchemaRequest request, CancellationToken cancellationToken)
    {
        if (request.SubpackageName.Length > 0)
        {
            throw new GrpcException(GrpcStatusCode.InvalidArgument, $"bird is not a parameterized package: no sub-package '{request.SubpackageName}'");
        }

        return Task.FromResult(new GetSchemaResponse { Schema = _schema.Value });
    }

    private Task<ConfigureResponse> ConfigureAsync(ConfigureRequest request, CancellationToken cancellationToken)
    {
        var settings = ProviderConfigReader.Read(request, _environment);
        var client = new BirdClient(new BirdClientOptions(settings.Endpoint, settings.AccessKey) { Timeout = settings.RequestTimeout });
        var previous = Interlocked.Exchange(ref _context, new ProviderContext(client, settings.OrganizationId, settings.WorkspaceId) { ChannelTimeout = settings.ChannelTimeout, StopWaiting = _lifetime.StopWaiting });
        _settings = settings;
        previous?.Client.Dispose();
        _logger.LogInformation("Configured for {Endpoint}, organization {Organization}, workspace {Workspace}", settings.Endpoint, settings.OrganizationId, settings.WorkspaceId);
        return Task.FromResult(new ConfigureResponse { AcceptSecrets = true, SupportsPreview = true, AcceptResources = true, AcceptOutputs = false });
    }

    private Task<CheckResponse> CheckAsync(CheckRequest request, CancellationToken cancellationToken)
    {
        var kind = KindOf(request.Type, request.Urn);
        var news = PropertyStructConverter.ToPropertyMap(request.News);
        var result = kind.Check(news);
        var response = new CheckResponse { Inputs = PropertyStructConverter.ToStruct(result.IsValid ? result.Inputs : news) };
        response.Failures.AddRange(result.Failures.Select(f => new Protos.CheckFailure
        {
            Property = f.Path,
            Reason = SecretScrubber.Scrub($"{f.Message} {f.Hint}".Trim(), [], news),
        }));
        return Task.FromResult(response);
    }

    private Task<DiffResponse> DiffAsync(DiffRequest request, CancellationToken cancellationToken)
    {
        var kind = KindOf(request.Type, request.Urn);
        var olds = PropertyStructConverter.ToPropertyMap(request.Olds);
        var oldInputs = request.OldInputs is null ? olds : PropertyStructConverter.ToPropertyMap(request.OldInputs);
        var news = PropertyStructConverter.ToPropertyMap(request.News);
        var result = kind.Diff(new ResourceSnapshot(request.Id, oldInputs, olds), news);
        return Task.FromResult(DiffTranslator.ToResponse(result, kind.Schema, request.IgnoreChanges));
    }

    private async Task<CreateResponse> CreateAsync(CreateRequest request, CancellationToken cancellationToken)
    {
        var kind = KindOf(request.Type, request.Urn);
        var inputs = PropertyStructConverter.ToPropertyMap(request.Properties);
        if (request.Preview)
        {
            return new CreateResponse { Id = string.Empty, Properties = PropertyStructConverter.ToStruct(OutputShaper.PreviewCreate(kind.Schema, inputs)) };
        }

        var resource = inputs.GetString("name") ?? NameOf(request.Urn);
        RefuseAfterCancel("create", kind, resource);
        var context = RequireContext();
        using var operation = Link(cancellationToken, request.Timeout);
        try
        {
            // A lost answer is settled inside this call, as the built-in engine does: the object is looked up and
            // adopted (an access key, whose token would be lost, is deleted and made again), so a retry never duplicates.
            var naturalKey = kind.NaturalKey(kind.Check(inputs).Inputs);
            var created = await ExactlyOnceCreate.RunAsync(kind, context, inputs, naturalKey, NoneOwned, $"{kind.Name} '{resource}'", operation.Token).ConfigureAwait(false);
            return new CreateResponse { Id = created.Id, Properties = Outputs(kind, created) };
        }
        catch (OperationCanceledException e) when (e.CancellationToken == _lifetime.StopWaiting && !operation.IsCancellationRequested)
        {
            // ExactlyOnceCreate would send the create again (the lost one made nothing, or made a key that was deleted).
            throw new GrpcException(GrpcStatusCode.Cancelled, $"create {kind.Name} '{resource}': Bird's answer was lost and the object is not in Bird; the engine cancelled the update, so it was not sent again.");
        }
        catch (Exception e) when (e is OperationCanceledException or CreateOutcomeUnknownException)
        {
            throw await RecoverAsync(e, context, kind, inputs, resource).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            throw Fail(e, "create", kind, resource, inputs);
        }
    }

    private async Task<ReadResponse> ReadAsync(ReadRequest request, CancellationToken cancellationToken)
    {
        var kind = KindOf(request.Type, request.Urn);
        var context = RequireContext();
        var properties = PropertyStructConverter.ToPropertyMap(request.Properties);
        var inputs = request.Inputs is null ? properties : PropertyStructConverter.ToPropertyMap(request.Inputs);
        using var operation = Link(cancellationToken, request.Timeout);
        try
        {
            var live = await kind.ReadAsync(context, new ResourceSnapshot(request.Id, inputs, properties), operation.Token).ConfigureAwait(false);
            if (live is null)
            {
                return new ReadResponse { Id = string.Empty };
            }

            return new ReadResponse
            {
                Id = live.Id,
                Properties = Outputs(kind, live),
                Inputs = PropertyStructConverter.ToStruct(OutputShaper.WrapSecrets(kind.Schema, live.Inputs)),
            };
        }
        catch (Exception e)
        {
            throw Fail(e, "read", kind, inputs.GetString("name") ?? request.Id, inputs);
        }
    }

    private async Task<UpdateResponse> UpdateAsync(UpdateRequest request, CancellationToken cancellationToken)
    {
        var kind = KindOf(request.Type, request.Urn);
        var olds = PropertyStructConverter.ToPropertyMap(request.Olds);
        var oldInputs = request.OldInputs is null ? olds : PropertyStructConverter.ToPropertyMap(request.OldInputs);
        var news = PropertyStructConverter.ToPropertyMap(request.News);
        if (request.Preview)
        {
            return new UpdateResponse { Properties = PropertyStructConverter.ToStruct(OutputShaper.PreviewUpdate(kind.Schema, olds, news)) };
        }

        RefuseAfterCancel("update", kind, news.GetString("name") ?? request.Id);
        var context = RequireContext();
        using var operation = Link(cancellationToken, request.Timeout);
        try
        {
            var updated = await kind.UpdateAsync(context, new ResourceSnapshot(request.Id, oldInputs, olds), news, operation.Token).ConfigureAwait(false);
            return new UpdateResponse { Properties = Outputs(kind, updated) };
        }
        catch (Exception e)
        {
            throw Fail(e, "update", kind, news.GetString("name") ?? request.Id, news, olds);
        }
    }

    private async Task<Empty> DeleteAsync(DeleteRequest request, CancellationToken cancellationToken)
    {
        var kind = KindOf(request.Type, request.Urn);
        var properties = PropertyStructConverter.ToPropertyMap(request.Properties);
        var inputs = request.OldInputs is null ? properties : PropertyStructConverter.ToPropertyMap(request.OldInputs);
        RefuseAfterCancel("delete", kind, inputs.GetString("name") ?? request.Id);
        var context = RequireContext();
        using var operation = Link(cancellationToken, request.Timeout);
        try
        {
            await kind.DeleteAsync(context, new ResourceSnapshot(request.Id, inputs, properties), operation.Token).ConfigureAwait(false);
            return new Empty();
        }
        catch (Exception e)
        {
            throw Fail(e, "delete", kind, inputs.GetString("name") ?? request.Id, inputs, properties);
        }
    }

    private Task<Empty> CancelAsync(Empty request, CancellationToken cancellationToken)
    {
        // The engine still awaits the calls in flight and closes the plugin itself (SIGINT, or its address going away).
        _logger.LogInformation("Cancel: refusing new changes and ending waits; calls already talking to Bird finish.");
        _lifetime.Cancel();
        return Task.FromResult(new Empty());
    }

    /// <summary>
    /// The create did not finish, but Bird may hold its object: the shared rule (<see cref="CreateRecovery"/>) decides,
    /// and the engine learns the outcome. An adopted object comes back as a partial create, so the engine records it;
    /// an access key is deleted instead (recorded without its token, it would be a live key whose token nobody has).
    /// </summary>
    private async Task<GrpcException> RecoverAsync(Exception interrupted, ProviderContext context, IResourceKind kind, PropertyMap inputs, string resource)
    {
        if (interrupted is CreateOutcomeUnknownException { Ambiguity: not null })
        {
            // ExactlyOnceCreate found several candidates already and its message names them: another lookup would say the same.
            return Fail(interrupted, "create", kind, resource, inputs);
        }

        var failed = $"create {kind.Name} '{resource}' failed: {Reason(interrupted)}";
        return await LookUpAsync(context, kind, inputs).ConfigureAwait(false) switch
        {
            Adopt adopt => OperationErrors.InitFailed(adopt.Snapshot, kind, Scrub($"{kind.Name} '{resource}': the create was interrupted ({Reason(interrupted)}) after Bird created the object ({adopt.Snapshot.Id}); it is recorded, run again to finish.", inputs)),
            DeleteAndRecreate redo => new GrpcException(GrpcStatusCode.Unknown, Scrub($"{failed} {await DeleteAsync(context, kind, redo.Snapshot).ConfigureAwait(false)}", inputs)),
            Ambiguous ambiguous => new GrpcException(GrpcStatusCode.Unknown, Scrub($"{failed} {ambiguous.Problem}", inputs)),

            // Nothing found, or the lookup failed: the interruption is all there is to say.
            _ => Fail(interrupted, "create", kind, resource, inputs),
        };
    }

    /// <summary>The shared lookup within the plugin's own budget; null (treated as nothing found) when it fails, which is logged.</summary>
    private async Task<RecoveryDecision?> LookUpAsync(ProviderContext context, IResourceKind kind, PropertyMap inputs)
    {
        try
        {
            // The request's own token is cancelled already when this runs after a cancellation.
            using var budget = new CancellationTokenSource(RecoveryBudget, context.Time);
            var checkedInputs = kind.Check(inputs).Inputs;
            return await CreateRecovery.LookUpAsync(kind, context, kind.NaturalKey(checkedInputs), NoneOwned, checkedInputs, budget.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is BirdApiException or OperationCanceledException)
        {
            _logger.LogWarning("Could not look up the interrupted {Kind} create: {Message}", kind.Name, e.Message);
            return null;
        }
    }

    /// <summary>Deletes the object whose create-only secret was lost, within the plugin's budget; says how that went.</summary>
    private async Task<string> DeleteAsync(ProviderContext context, IResourceKind kind, ResourceSnapshot found)
    {
        try
        {
            using var budget = new CancellationTokenSource(RecoveryBudget, context.Time);
            await kind.DeleteAsync(context, found, budget.Token).ConfigureAwait(false);
            return $"The {kind.Name} Bird made ({found.Id}) was deleted because its secret was lost; run again to create it.";
        }
        catch (Exception e) when (e is BirdApiException or OperationCanceledException)
        {
            _logger.LogWarning("Could not delete the {Kind} {Id} whose secret was lost: {Message}", kind.Name, found.Id, e.Message);
            return $"Bird holds {kind.Name} {found.Id}, whose secret was lost, and deleting it failed ({e.Message}): delete it before running again.";
        }
    }

    private GrpcException Fail(Exception e, string operation, IResourceKind kind, string resource, params PropertyMap[] maps)
    {
        if (e is not (BirdApiException or ResourceInitFailedException or CreateOutcomeUnknownException or GrpcException or OperationCanceledException))
        {
            _logger.LogError(e, "{Operation} {Kind} '{Resource}' failed", operation, kind.Name, resource);
        }

        var error = OperationErrors.Translate(e, operation, kind, resource);
        var message = Scrub(error.Message, maps);
        return new GrpcException(error.Status, message, [.. error.Details]);
    }

    private string Scrub(string message, params PropertyMap[] maps) =>
        SecretScrubber.Scrub(message, _settings is { } s ? [s.AccessKey.Reveal()] : [], maps);

    private static string Reason(Exception e) => e is OperationCanceledException ? "cancelled" : e.Message;

    private static Struct Outputs(IResourceKind kind, ResourceSnapshot snapshot) =>
        PropertyStructConverter.ToStruct(OutputShaper.WrapSecrets(kind.Schema, snapshot.Outputs));

    /// <summary>After Cancel nothing new is sent to Bird; CANCELLED tells the engine that nothing changed.</summary>
    private void RefuseAfterCancel(string operation, IResourceKind kind, string resource)
    {
        if (_lifetime.IsCancelled)
        {
            throw new GrpcException(GrpcStatusCode.Cancelled, $"{operation} {kind.Name} '{resource}' was not started: the engine cancelled the update; nothing was sent to Bird.");
        }
    }

    private ProviderContext RequireContext() =>
        Volatile.Read(ref _context) ?? throw new GrpcException(GrpcStatusCode.FailedPrecondition, "the bird provider is not configured: Configure must be called first");

    /// <summary>
    /// The token for Bird calls: the engine dropping the call, the engine going away, or the request's timeout. The
    /// engine's Cancel is not in it: a create already sent must learn its outcome (Cancel only ends waits).
    /// </summary>
    private CancellationTokenSource Link(CancellationToken request, double timeoutSeconds)
    {
        var linked = CancellationTokenSource.CreateLinkedTokenSource(request, _lifetime.EngineGone);
        if (timeoutSeconds > 0)
        {
            linked.CancelAfter(TimeSpan.FromSeconds(timeoutSeconds));
        }

        return linked;
    }

    private IResourceKind KindOf(string type, string urn)
    {
        var token = type.Length > 0 ? type : TypeOf(urn);
        return _registry.FindByToken(token)
            ?? throw new GrpcException(GrpcStatusCode.InvalidArgument, $"unknown resource type '{token}'; the bird package has {string.Join(", ", _registry.All.Select(k => k.TypeToken))}");
    }

    /// <summary>urn:pulumi:stack::project::[parent$]type::name → type.</summary>
    private static string TypeOf(string urn)
    {
        var parts = urn.Split("::");
        if (parts.Length < 4)
        {
            return string.Empty;
        }

        var qualified = parts[2];
        var dollar = qualified.LastIndexOf('$');
        return dollar < 0 ? qualified : qualified[(dollar + 1)..];
    }

    private static string NameOf(string urn)
    {
        var index = urn.LastIndexOf("::", StringComparison.Ordinal);
        return index < 0 ? urn : urn[(index + 2)..];
    }
}
