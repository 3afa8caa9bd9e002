
namespace BirdInfra.Emulator.Connectors;

/// <summary>
/// Connectors: create (201 now, channel later), list (<c>templateRef</c> filter), get, delete (204,
/// also deletes the channel). No update endpoint is documented, so none exists.
/// </summary>
internal static class ConnectorEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        const string collection = "/workspaces/{workspaceId}/connectors";
        const string item = collection + "/{connectorId}";

        app.MapGet(collection, (string workspaceId, HttpRequest request, EmulatorStore store, EmulatorOptions options) =>
        {
            var templateRef = request.Query["templateRef"].ToString();
            return ListEndpoint.Answer(
                request, store, state => Scope.Workspace(state, workspaceId),
                state => state.Connectors.Values.Where(c => c.WorkspaceId == workspaceId && (templateRef.Length == 0 || c.ConnectorTemplateRef == templateRef)),
                c => c.CreatedAt, c => c.Id, (_, c) => ConnectorView.From(c, options.EchoConnectorArguments));
        });

        app.MapPost(collection, (string workspaceId, HttpRequest request, EmulatorStore store, EmulatorOptions options, TimeProvider time, CancellationToken ct) =>
            BodyWrite.RunAsync<ConnectorView>(request, store, state => Scope.Workspace(state, workspaceId), (state, body) =>
            {
                var parsed = ConnectorRequest.Parse(body);
                if (parsed.Error is { } invalid)
                {
                    return invalid;
                }

                var spec = parsed.Value!;
                if (state.Connectors.Values.Any(c => c.WorkspaceId == workspaceId && c.ConnectorTemplateRef == spec.TemplateRef
                        && c.Arguments["phoneNumber"]?.GetValue<string>() == spec.PhoneNumber))
                {
                    return ApiError.Conflict($"connector already exists for {spec.TemplateRef} and {spec.PhoneNumber}");
                }

                var now = time.NowMs();
                var connector = new ConnectorRecord(
                    Clock.NewId(), workspaceId, spec.Name, spec.TemplateRef, spec.Arguments, spec.ChannelConversationalStatusEnabled,
                    now + options.ChannelDelay, null, now, now);
                state.Connectors[connector.Id] = connector;
                return ConnectorView.From(connector, options.EchoConnectorArguments);
            }, ct, 201));

        app.MapGet(item, (string workspaceId, string connectorId, EmulatorStore store, EmulatorOptions options) =>
            ApiResults.From(store.Read<Outcome<ConnectorView>>(state =>
                Scope.Workspace(state, workspaceId) is { } missing ? missing
                : state.Connectors.TryGetValue(connectorId, out var c) && c.WorkspaceId == workspaceId ? ConnectorView.From(c, options.EchoConnectorArguments)
                : ApiError.NotFound("connector"))));

        app.MapDelete(item, (string workspaceId, string connectorId, EmulatorStore store) =>
            ApiResults.NoContent(store.Write<bool>(state =>
            {
                if (Scope.Workspace(state, workspaceId) is { } missing)
                {
                    return missing;
                }

                if (!state.Connectors.TryGetValue(connectorId, out var connector) || connector.WorkspaceId != workspaceId)
                {
                    return ApiError.NotFound("connector");
                }

                state.Connectors.Remove(connectorId);
                foreach (var channel in state.Channels.Values.Where(c => c.ConnectorId == connectorId).ToList())
                {
                    state.Channels.Remove(channel.Id);
                }

                return true;
            }).Error));
    }
}
