using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace BirdInfra.Emulator.Deliveries;

/// <summary>
/// Sends events to matching active subscriptions, signed per fact sheet §4.4, retrying non-2xx with
/// exponential backoff while keeping the original timestamp (as third parties observe on Bird).
/// Only loopback hosts are contacted; others are logged as skipped.
/// </summary>
public sealed class WebhookDispatcher : IAsyncDisposable
{
    private readonly EmulatorStore _store;
    private readonly EmulatorOptions _options;
    private readonly DeliveryLog _log;
    private readonly TimeProvider _time;
    private readonly HttpClient _http = new(LoopbackOnly.CreateHandler()) { Timeout = TimeSpan.FromSeconds(10) };
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private readonly HashSet<Task> _inFlight = [];

    public WebhookDispatcher(EmulatorStore store, EmulatorOptions options, DeliveryLog log, TimeProvider time)
    {
        _store = store;
        _options = options;
        _log = log;
        _time = time;
    }

    /// <summary>
    /// Queues one delivery per matching subscription and returns at once. Every delivery of the event is in the log
    /// (pending, or skipped) before any is sent, so a reader who sees one of them sees all of them.
    /// </summary>
    public void Publish(string workspaceId, string service, string @event, object payload, IReadOnlyDictionary<string, string> attributes)
    {
        var targets = _store.Read(state => state.Subscriptions.Values
            .Where(s => s.WorkspaceId == workspaceId && s.Service == service && s.Event == @event && s.Status == "active"
                && s.EventFilters.All(f => attributes.TryGetValue(f.Key, out var v) && v == f.Value))
            .OrderBy(s => s.CreatedAt).ToList());
        var body = JsonSerializer.SerializeToUtf8Bytes(new WebhookEnvelope(service, @event, payload), EmulatorJson.Options);
        var now = _time.NowMs();
        var timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var queued = targets.Select(subscription => (Subscription: subscription, Record: Queue(subscription, timestamp, now))).ToList();
        _log.Upsert(queued.Select(q => q.Record).ToList());
        foreach (var (subscription, record) in queued.Where(q => q.Record.State == "pending"))
        {
            Track(DeliverAsync(subscription, record, body, _stopping.Token));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        Task[] pending;
        lock (_gate)
        {
            pending = [.. _inFlight];
        }

        await Task.WhenAll(pending).WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
        _http.Dispose();
        _stopping.Dispose();
    }

    private void Track(Task task)
    {
        lock (_gate)
        {
            _inFlight.Add(task);
        }

        task.ContinueWith(
            t =>
            {
                lock (_gate)
                {
                    _inFlight.Remove(t);
                }
            },
            TaskScheduler.Default);
    }

    private static DeliveryRecord Queue(SubscriptionRecord subscription, string timestamp, DateTimeOffset now)
    {
        var record = new DeliveryRecord(
            Clock.NewId(), subscription.Id, subscription.WorkspaceId, subscription.Service, subscription.Event, subscription.Url,
            timestamp, subscription.SigningKey is not null, "pending", null, [], now);
        return LoopbackOnly.IsLoopbackUrl(subscription.Url)
            ? record
            : record with { State = "skipped", Reason = "host is not loopback; the emulator never sends traffic off this machine" };
    }

    private async Task DeliverAsync(SubscriptionRecord subscription, DeliveryRecord record, byte[] body, CancellationToken ct)
    {
        await Task.Yield();
        var timestamp = record.Timestamp;
        var signature = subscription.SigningKey is { } key ? WebhookSigner.Sign(key, timestamp, subscription.Url, body) : null;
        var attempts = new List<DeliveryAttempt>();
        for (var attempt = 1; attempt <= _options.WebhookMaxAttempts; attempt++)
        {
            if (attempt > 1)
            {
                try
                {
                    await Task.Delay(_options.WebhookRetryBaseDelay * Math.Pow(2, attempt - 2), _time, ct);
                }
                catch (OperationCanceledException)
                {
                    _log.Upsert(record with { State = "failed", Reason = "emulator stopped", Attempts = attempts.ToList() });
                    return;
                }
            }

            var outcome = await SendAsync(subscription.Url, body, timestamp, record.RequestId, signature, attempt, ct);
            attempts.Add(outcome);
            var delivered = outcome.StatusCode is >= 200 and < 300;
            var finished = delivered || attempt == _options.WebhookMaxAttempts || ct.IsCancellationRequested;
            record = record with
            {
                State = delivered ? "delivered" : finished ? "failed" : "pending",
                Reason = delivered ? null : outcome.Error ?? $"HTTP {outcome.StatusCode}",
                Attempts = attempts.ToList(),
            };
            _log.Upsert(record);
            if (finished)
            {
                return;
            }
        }
    }

    private async Task<DeliveryAttempt> SendAsync(string url, byte[] body, string timestamp, string requestId, string? signature, int attempt, CancellationToken ct)
    {
        var at = _time.NowMs();
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.TryAddWithoutValidation("messagebird-request-timestamp", timestamp);
            request.Headers.TryAddWithoutValidation("messagebird-request-id", requestId);
            if (signature is not null)
            {
                request.Headers.TryAddWithoutValidation("messagebird-signature", signature);
            }

            request.Headers.UserAgent.ParseAdd("BirdInfra-Emulator/1.0");
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            return new DeliveryAttempt(attempt, at, (int)response.StatusCode, null);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or OperationCanceledException)
        {
            return new DeliveryAttempt(attempt, at, null, e.Message);
        }
    }
}
