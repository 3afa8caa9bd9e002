namespace BirdInfra.Emulator.Configuration;

/// <summary>Everything that shapes one emulator instance; shared by the standalone host and the embedded API.</summary>
public sealed record EmulatorOptions
{
    /// <summary>JSON file holding all state; written atomically after every change and reloaded on start. Null keeps state in memory.</summary>
    public string? DataFile { get; init; }

    /// <summary>Fixed bootstrap organization id; generated when null (or taken from <see cref="DataFile"/>).</summary>
    public string? OrganizationId { get; init; }

    /// <summary>Fixed bootstrap workspace id; generated when null (or taken from <see cref="DataFile"/>).</summary>
    public string? WorkspaceId { get; init; }

    /// <summary>Fixed token of the bootstrap admin access key; generated when null (or taken from <see cref="DataFile"/>).</summary>
    public string? AdminAccessKey { get; init; }

    /// <summary>How long after a connector is created its channel appears.</summary>
    public TimeSpan ChannelDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long a new channel stays <c>pending</c> before it becomes <c>active</c> (announced by <c>channel.updated</c>),
    /// so clients see a channel that exists but does not work yet, as with Bird. Zero creates it active.
    /// </summary>
    public TimeSpan ChannelActivationDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Accept http:// loopback webhook URLs (tests); otherwise only the public https pattern of the fact sheet.</summary>
    public bool AllowHttpWebhooks { get; init; }

    /// <summary>Kestrel URLs; port 0 picks a free port.</summary>
    public string Urls { get; init; } = "http://127.0.0.1:0";

    /// <summary>No ASP.NET Core logging on the console. Embedded hosts default to quiet.</summary>
    public bool Quiet { get; init; } = true;

    /// <summary>
    /// Also sends the emulator's log (ASP.NET Core hosting, Kestrel, routing, errors) to this provider, whether or
    /// not <see cref="Quiet"/> is set; tests capture it to check that no secret is ever logged.
    /// </summary>
    public ILoggerProvider? LoggerProvider { get; init; }

    /// <summary>Lowest level sent to <see cref="LoggerProvider"/>.</summary>
    public LogLevel LoggerProviderLevel { get; init; } = LogLevel.Information;

    /// <summary>Delay before the first webhook retry; each further retry doubles it.</summary>
    public TimeSpan WebhookRetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Total delivery attempts per event (first try included).</summary>
    public int WebhookMaxAttempts { get; init; } = 6;

    /// <summary>
    /// Connector responses carry the <c>arguments</c> the connector was created with. Bird documents them only as
    /// "pre-configured arguments", not that they are echoed; false leaves them out of every connector response.
    /// </summary>
    public bool EchoConnectorArguments { get; init; } = true;

    /// <summary>
    /// GET of one access key answers <c>roles</c> (full role objects), as the task's newest docs revision is said to;
    /// false answers <c>roleRefs</c> like the list does.
    /// </summary>
    public bool AccessKeyGetExpandsRoles { get; init; } = true;

    /// <summary>
    /// Narrows the webhook catalogue (channels service) to these events, each with its filter keys (null = the full
    /// catalogue's keys for that event): only they are listed by <c>available-webhooks</c> and accepted by subscription
    /// creates. Null offers the full catalogue of the fact sheet.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>?>? WebhookEvents { get; init; }

    /// <summary>
    /// The emulator's clock: rate-limit windows, channel delays, webhook retries, timestamps. Tests pass a clock they
    /// move themselves, so what depends on time is exact and independent of the machine's load.
    /// </summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Seed for fault-injection dice, so rates below 1.0 are reproducible. Null = unseeded.</summary>
    public int? FaultSeed { get; init; }

    /// <summary>
    /// Plays the other reading of Bird's undocumented role-update method: <c>PUT /iam-roles/{id}</c> with the full
    /// body is accepted and <c>PATCH</c> answers 405. By default it is the other way round.
    /// </summary>
    public bool RoleUpdateWithPut { get; init; }
}
