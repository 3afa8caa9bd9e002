using System.Text.Json.Nodes;

namespace BirdInfra.Emulator.Messaging;

/// <summary>
/// Message send (202). Only enough validation to make policies and error handling testable; nothing is
/// delivered and the message is not stored.
/// </summary>
internal static class MessageEndpoints
{
    private static readonly string[] Fields =
        ["receiver", "body", "template", "sender", "reference", "replyTo", "meta", "notification", "tags", "shortLinks", "scheduledFor", "ignoreQuietHours", "ignoreGlobalHoldout"];

    private static readonly string[] ContactFields =
        ["id", "identifierKey", "identifierValue", "type", "identifiers", "platformAddress", "platformAddressSelector"];

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/workspaces/{workspaceId}/channels/{channelId}/messages", (string workspaceId, string channelId, HttpRequest request, EmulatorStore store, TimeProvider time, CancellationToken ct) =>
            JsonBody.AnswerAsync(request, store.Read(state =>
                Scope.Workspace(state, workspaceId)
                ?? (state.Channels.TryGetValue(channelId, out var c) && c.WorkspaceId == workspaceId ? null : ApiError.NotFound("channel"))), b =>
            {
                var v = new Validator();
                v.Closed(b, "", Fields);
                var contacts = v.Object(b, "receiver", "", required: true) is { } receiver
                    ? v.Objects(receiver, "contacts", ".receiver", required: true, minItems: 1, maxItems: 100, ContactFields)
                    : null;
                foreach (var (contact, at) in contacts ?? [])
                {
                    if (!contact.ContainsKey("identifierValue") && !contact.ContainsKey("id"))
                    {
                        v.Add(at, "identifierValue or id is required");
                    }

                    v.String(contact, "identifierValue", at, required: false);
                }

                var content = v.Object(b, "body", "", required: false);
                var template = v.Object(b, "template", "", required: false);
                if ((content is null) == (template is null))
                {
                    v.Add(".", "exactly one of \"body\" or \"template\" is required");
                }

                if (content is not null && v.String(content, "type", ".body", required: true) is null)
                {
                    v.Add(".body", "type is required");
                }

                v.String(b, "reference", "", required: false, min: 0, max: 256);
                if (v.ToError() is { } invalid)
                {
                    return ApiResults.Error(invalid);
                }

                var now = time.NowMs();
                var message = new JsonObject
                {
                    ["id"] = Clock.NewId(),
                    ["channelId"] = channelId,
                    ["sender"] = new JsonObject { ["connector"] = new JsonObject { ["id"] = channelId } },
                    ["receiver"] = b["receiver"]!.DeepClone(),
                    ["reference"] = b["reference"]?.DeepClone(),
                    ["status"] = "accepted",
                    ["reason"] = null,
                    ["direction"] = "outgoing",
                    ["createdAt"] = UtcMillisecondsConverter.Text(now),
                    ["updatedAt"] = UtcMillisecondsConverter.Text(now),
                    ["lastStatusAt"] = UtcMillisecondsConverter.Text(now),
                };
                message[content is not null ? "body" : "template"] = (content ?? template)!.DeepClone();
                return ApiResults.Json(message, 202);
            }, ct));
    }
}
