using System.Text.Json.Nodes;

namespace BirdInfra.Emulator.Iam;

/// <summary>
/// What the organization's IAM collections (policies, roles, access keys) answer alike: every path names the
/// organization (404 when it is not this one), a list is paged, a create answers 201, and one object is read or deleted
/// by its id (the route value <c>id</c>). Each collection supplies only its records, views and rules.
/// </summary>
/// <param name="what">The object in an error's words ("policy", "access key").</param>
internal sealed class OrganizationCollection<TRecord>(IEndpointRouteBuilder app, string path, string what, Func<EmulatorState, Dictionary<string, TRecord>> records)
    where TRecord : IOrganizationRecord
{
    /// <summary>The route of one object of the collection.</summary>
    public string Item { get; } = path + "/{id}";

    public void MapList<TView>(Func<EmulatorState, TRecord, TView> view) =>
        app.MapGet(path, (string organizationId, HttpRequest request, EmulatorStore store) =>
            ListEndpoint.Answer(request, store, state => Scope.Organization(state, organizationId), state => records(state).Values, r => r.CreatedAt, r => r.Id, view));

    /// <summary>POST: <paramref name="create"/> checks the body and stores the object, under the store's lock.</summary>
    public void MapCreate<TView>(Func<EmulatorState, JsonObject, TimeProvider, Outcome<TView>> create)
        where TView : notnull =>
        app.MapPost(path, (string organizationId, HttpRequest request, EmulatorStore store, TimeProvider time, CancellationToken ct) =>
            BodyWrite.RunAsync<TView>(request, store, state => Scope.Organization(state, organizationId), (state, body) => create(state, body, time), ct, 201));

    /// <summary>GET one object: 404 when it is not there.</summary>
    public void MapGet<TView>(Func<EmulatorState, TRecord, EmulatorOptions, TView> view)
        where TView : notnull =>
        app.MapGet(Item, (string organizationId, string id, EmulatorStore store, EmulatorOptions options) =>
            ApiResults.From(store.Read<Outcome<TView>>(state =>
                Scope.Organization(state, organizationId) is { } missing ? missing
                : records(state).TryGetValue(id, out var record) ? view(state, record, options)
                : ApiError.NotFound(what))));

    /// <summary>
    /// DELETE: 204 when the object is removed; 404 when it is not there; 409 while <paramref name="usedBy"/> names what
    /// still uses it (e.g. <c>role 1234 ('Support')</c>).
    /// </summary>
    public void MapDelete(Func<EmulatorState, string, string?>? usedBy = null) =>
        app.MapDelete(Item, (string organizationId, string id, EmulatorStore store) =>
            ApiResults.NoContent(store.Write<bool>(state =>
                Scope.Organization(state, organizationId) is { } missing ? missing
                : !records(state).ContainsKey(id) ? ApiError.NotFound(what)
                : usedBy?.Invoke(state, id) is { } user ? ApiError.Conflict($"{what} is still used by {user}")
                : records(state).Remove(id)).Error));
}
