using BirdInfra.Providers.Stacks.Model;
using System.Collections.Immutable;
using BirdInfra.Providers.Diagnostics;

namespace BirdInfra.Stacks.Model;

/// <summary>An entry of <c>webhookSubscriptions</c>.</summary>
/// <param name="Service">Bird notification service; <c>channels</c> when the file gives none.</param>
/// <param name="Channel">"The channel of connector X": adds the filter channelId = that connector's channel id.</param>
/// <param name="EventFilters">The filters written in the file (without the one <see cref="Channel"/> adds).</param>
/// <param name="Status"><c>active</c> (the default) or <c>inactive</c>.</param>
public sealed record WebhookDeclaration(
    string LogicalName,
    string Service,
    string Event,
    string Url,
    LogicalReference? Channel,
    ImmutableArray<EventFilterDeclaration> EventFilters,
    string Status,
    SecretSource SigningKey,
    SourceLocation Location);
