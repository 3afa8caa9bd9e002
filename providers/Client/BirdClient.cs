using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Flurl;
using Flurl.Http;
using Flurl.Http.Content;

namespace BirdInfra.Providers.Client;

/// <summary>
/// The one Bird API client (Flurl.Http 4 inside, URLs built with Flurl's builder, System.Text.Json; nothing outside
/// this folder sees Flurl). It sends <c>Authorization: AccessKey …</c> and camelCase JSON, turns non-2xx answers into
/// <see cref="BirdApiException"/>, follows <c>nextPageToken</c>, and retries only 429, 5xx, timeouts
/// and dropped connections with capped exponential backoff and full jitter, honouring <c>Retry-After</c>.
/// </summary>
public sealed class BirdClient : IDisposable
{
    public const int PageSize = 100;

    /// <summary>Bird's authorization scheme: <c>Authorization: AccessKey &lt;token&gt;</c>.</summary>
    public const string AuthorizationScheme = "AccessKey";

    private static readonly HttpMethod[] ReadOnlyMethods = [HttpMethod.Get, HttpMethod.Head, HttpMethod.Options];

    private readonly FlurlClient _http;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;
    private readonly ConcurrentDictionary<string, bool> _putOnlyCollections = new(StringComparer.Ordinal);
    private long _attemptCount;

    public BirdClient(BirdClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.MaxAttempts < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "MaxAttempts must be at least 1.");
        }

        Options = options;
        _delay = options.Delay ?? ((delay, cancellationToken) => Task.Delay(delay, options.Time, cancellationToken));
        _http = new FlurlClient();
    }

    public BirdClientOptions Options { get; }

    /// <summary>HTTP attempts sent so far by this client, retries included.</summary>
    public long AttemptCount => Interlocked.Read(ref _attemptCount);

    public Task<T> GetAsync<T>(string path, CancellationToken cancellationToken) =>
        SendAsync<T>(HttpMethod.Get, path, null, null, [], cancellationToken);

    /// <summary>GET with query parameters (e.g. <c>service=channels</c>).</summary>
    public Task<T> GetAsync<T>(string path, IReadOnlyList<KeyValuePair<string, string>> query, CancellationToken cancellationToken) =>
        SendAsync<T>(HttpMethod.Get, path, query, null, [], cancellationToken);

    /// <summary>GET that answers null when Bird says 404.</summary>
    public async Task<T?> GetOrNullAsync<T>(string path, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await SendAsync<T>(HttpMethod.Get, path, null, null, [], cancellationToken).ConfigureAwait(false);
        }
        catch (BirdApiException ex) when (ex.IsNotFound)
        {
            return null;
        }
    }

    /// <summary>POST a JSON body. <paramref name="redact"/> lists secret values the body carries, scrubbed from any error text.</summary>
    public Task<T> PostAsync<T>(string path, object body, IReadOnlyCollection<string> redact, CancellationToken cancellationToken) =>
        SendAsync<T>(HttpMethod.Post, path, null, body, redact, cancellationToken);

    public Task<T> PostAsync<T>(string path, object body, CancellationToken cancellationToken) =>
        PostAsync<T>(path, body, [], cancellationToken);

    public Task<T> PatchAsync<T>(string path, object body, IReadOnlyCollection<string> redact, CancellationToken cancellationToken) =>
        SendAsync<T>(HttpMethod.Patch, path, null, body, redact, cancellationToken);

    public Task<T> PatchAsync<T>(string path, object body, CancellationToken cancellationToken) =>
        PatchAsync<T>(path, body, [], cancellationToken);

    public Task<T> PutAsync<T>(string path, object body, CancellationToken cancellationToken) =>
        SendAsync<T>(HttpMethod.Put, path, null, body, [], cancellationToken);

    /// <summary>
    /// Updates an object whose method Bird does not document: PATCH with <paramref name="changes"/>; when Bird answers
    /// 405, PUT with <paramref name="fullBody"/> once, and from then on this client sends PUT straight away to every
    /// object of the same collection. <paramref name="fullBody"/> is built only when a PUT is sent (it may read the object
    /// first, so that the PUT keeps what the caller does not manage).
    /// </summary>
    public async Task<T> PatchOrPutAsync<T>(string path, object changes, Func<CancellationToken, Task<object>> fullBody, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fullBody);
        var collection = path[..path.LastIndexOf('/')];
        if (!_putOnlyCollections.ContainsKey(collection))
        {
            try
            {
                return await PatchAsync<T>(path, changes, cancellationToken).ConfigureAwait(false);
            }
            catch (BirdApiException ex) when (ex.StatusCode == HttpStatusCode.MethodNotAllowed)
            {
                _putOnlyCollections.TryAdd(collection, true);
            }
        }

        var body = await fullBody(cancellationToken).ConfigureAwait(false);
        return await PutAsync<T>(path, body, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends one request exactly once (no retry) with <paramref name="rawJson"/> as its body, and returns Bird's status
    /// whatever it is: for permission probes, whose callers choose requests that cannot change Bird (a random id, a body
    /// Bird must refuse).
    /// </summary>
    public async Task<BirdProbeAnswer> ProbeAsync(HttpMethod method, string path, IReadOnlyList<KeyValuePair<string, string>>? query, string? rawJson, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(method);
        Interlocked.Increment(ref _attemptCount);
        var result = await AttemptAsync(method, Url(path, query), rawJson, cancellationToken).ConfigureAwait(false);
        using var response = result.Response;
        var date = response?.Headers.Date;
        return new BirdProbeAnswer(response?.StatusCode, result.Failure, date, result.Error?.GetBaseException().Message);
    }

    /// <summary>DELETE; true when deleted, false when Bird had nothing there (404).</summary>
    public async Task<bool> DeleteAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await SendAsync<JsonNode?>(HttpMethod.Delete, path, null, null, [], cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (BirdApiException ex) when (ex.IsNotFound)
        {
            return false;
        }
    }

    /// <summary>Every item of a list endpoint, fetched in pages of <see cref="PageSize"/> following <c>nextPageToken</c>.</summary>
    public async Task<ImmutableArray<T>> ListAllAsync<T>(
        string path,
        IReadOnlyList<KeyValuePair<string, string>>? query,
        CancellationToken cancellationToken)
    {
        var items = ImmutableArray.CreateBuilder<T>();
        string? pageToken = null;
        var seenTokens = new HashSet<string>(StringComparer.Ordinal);
        do
        {
            var pageQuery = new List<KeyValuePair<string, string>>(query ?? [])
            {
                new("limit", PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            };
            if (pageToken is not null)
            {
                pageQuery.Add(new("pageToken", pageToken));
            }

            var page = await SendAsync<BirdPage<T>>(HttpMethod.Get, path, pageQuery, null, [], cancellationToken).ConfigureAwait(false);
            items.AddRange(page.Results ?? []);
            pageToken = string.IsNullOrEmpty(page.NextPageToken) ? null : page.NextPageToken;
            if (pageToken is not null && !seenTokens.Add(pageToken))
            {
                throw new InvalidOperationException($"GET {path}: Bird returned the same nextPageToken twice; stopping to avoid an endless listing.");
            }
        }
        while (pageToken is not null);

        return items.ToImmutable();
    }

    public void Dispose() => _http.Dispose();

    private async Task<T> SendAsync<T>(
        HttpMethod method,
        string path,
        IReadOnlyList<KeyValuePair<string, string>>? query,
        object? body,
        IReadOnlyCollection<string> redact,
        CancellationToken cancellationToken)
    {
        if (!path.StartsWith('/'))
        {
            throw new ArgumentException($"Bird paths start with '/': '{path}'.", nameof(path));
        }

        var operation = $"{method.Method} {path}";
        var url = Url(path, query);
        var json = body is null ? null : BirdJson.Serialize(body);
        var mutating = !ReadOnlyMethods.Contains(method);
        var mayHaveApplied = false;

        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Interlocked.Increment(ref _attemptCount);
            var result = await AttemptAsync(method, url, json, cancellationToken).ConfigureAwait(false);

            if (result.Response is { IsSuccessStatusCode: true } ok)
            {
                Options.OnAttempt?.Invoke(new BirdAttempt(operation, attempt, ok.StatusCode, null, false, null));
                var text = await ok.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                ok.Dispose();
                return string.IsNullOrWhiteSpace(text) ? default! : ParseBody<T>(operation, text);
            }

            var status = result.Response?.StatusCode;
            var failure = result.Failure;
            var transient = failure != BirdFailure.Status || status == HttpStatusCode.TooManyRequests || (int)status! >= 500;

            // 429 means "not processed"; 5xx, timeouts and drops after the request went out may have been applied.
            mayHaveApplied |= mutating && (result.RequestMayHaveBeenSent && (failure != BirdFailure.Status || (int)status! >= 500));

            // A create (POST) that may have been applied is not sent again: Bird has no idempotency key, so a
            // second POST could make a duplicate. The caller finds the object by its natural key instead.
            var willRetry = transient && attempt < Options.MaxAttempts && !(method == HttpMethod.Post && mayHaveApplied);
            TimeSpan? delay = willRetry ? RetryDelay(attempt, result.Response) : null;
            Options.OnAttempt?.Invoke(new BirdAttempt(operation, attempt, status, failure, willRetry, delay));

            if (!willRetry)
            {
                throw await ToExceptionAsync(operation, result, attempt, mutating && mayHaveApplied, redact, cancellationToken).ConfigureAwait(false);
            }

            result.Response?.Dispose();
            await _delay(delay!.Value, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<AttemptResult> AttemptAsync(HttpMethod method, Url url, string? json, CancellationToken cancellationToken)
    {
        var request = _http.Request(url)
            .WithHeader("Authorization", AuthorizationScheme + " " + Options.AccessKey.Reveal())
            .WithHeader("Accept", "application/json")
            .WithTimeout(Options.Timeout)
            .AllowAnyHttpStatus();
        // CapturedStringContent keeps the body readable after sending, which Flurl's HttpTest asserts on.
        using var content = json is null ? null : new CapturedStringContent(json, "application/json; charset=utf-8");
        try
        {
            var response = await request.SendAsync(method, content, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            return new AttemptResult(response.ResponseMessage, BirdFailure.Status, true, null);
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is OperationCanceledException or FlurlHttpException)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        catch (FlurlHttpTimeoutException ex)
        {
            return new AttemptResult(null, BirdFailure.Timeout, true, ex);
        }
        catch (FlurlHttpException ex) when (ex.Call?.Response is null)
        {
            return new AttemptResult(null, BirdFailure.ConnectionFailed, !NeverSent(ex), ex);
        }
        catch (HttpRequestException ex)
        {
            return new AttemptResult(null, BirdFailure.ConnectionFailed, !NeverSent(ex), ex);
        }
        catch (TaskCanceledException ex)
        {
            return new AttemptResult(null, BirdFailure.Timeout, true, ex);
        }
    }

    /// <summary>True when the connection could not even be opened, so Bird never saw the request.</summary>
    private static bool NeverSent(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError })
            {
                return true;
            }
        }

        return false;
    }

    private TimeSpan RetryDelay(int attempt, HttpResponseMessage? response)
    {
        if (RetryAfter(response) is { } serverDelay)
        {
            return serverDelay < TimeSpan.Zero ? TimeSpan.Zero : serverDelay > Options.MaxRetryAfter ? Options.MaxRetryAfter : serverDelay;
        }

        // Full jitter: uniform in [0, min(max, base * 2^(attempt-1))].
        var exponent = Math.Min(attempt - 1, 30);
        var capTicks = Math.Min(Options.MaxDelay.Ticks, Options.BaseDelay.Ticks * Math.Pow(2, exponent));
        return TimeSpan.FromTicks((long)(Random.Shared.NextDouble() * capTicks));
    }

    private TimeSpan? RetryAfter(HttpResponseMessage? response)
    {
        RetryConditionHeaderValue? header = response?.Headers.RetryAfter;
        if (header is null && response is not null && response.Headers.TryGetValues("Retry-After", out var raw))
        {
            RetryConditionHeaderValue.TryParse(raw.FirstOrDefault(), out header);
        }

        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            return date - Options.Time.GetUtcNow();
        }

        return null;
    }

    private async Task<BirdApiException> ToExceptionAsync(
        string operation,
        AttemptResult result,
        int attempts,
        bool outcomeUnknown,
        IReadOnlyCollection<string> redact,
        CancellationToken cancellationToken)
    {
        if (result.Response is null)
        {
            return new BirdApiException(operation, result.Failure, null, null, null, null, attempts, outcomeUnknown, Scrubbed(result.Error));
        }

        using var response = result.Response;
        string text;
        try
        {
            text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            text = string.Empty;
        }

        BirdErrorBody? error = null;
        try
        {
            error = string.IsNullOrWhiteSpace(text) ? null : BirdJson.Deserialize<BirdErrorBody>(text);
        }
        catch (JsonException)
        {
            // Not Bird's JSON error shape (a proxy's HTML page, say): the status alone has to do.
        }

        var secrets = redact.Append(Options.AccessKey.Reveal()).Where(s => !string.IsNullOrEmpty(s)).ToArray();
        return new BirdApiException(
            operation,
            BirdFailure.Status,
            response.StatusCode,
            Redact(error?.Code, secrets),
            Redact(error?.Message, secrets),
            ParseDetails(error?.Details, secrets),
            attempts,
            outcomeUnknown);
    }

    /// <summary>Flurl's exceptions print the URL and sometimes headers; keep only a type-and-message that cannot hold the token.</summary>
    private static Exception? Scrubbed(Exception? error) =>
        error is null ? null : new HttpRequestException($"{error.GetType().Name}: {(error.InnerException ?? error).GetType().Name}");

    private static ImmutableDictionary<string, ImmutableArray<string>> ParseDetails(JsonElement? details, string[] secrets)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, ImmutableArray<string>>(StringComparer.Ordinal);
        if (details is { ValueKind: JsonValueKind.Object } obj)
        {
            foreach (var property in obj.EnumerateObject())
            {
                var values = property.Value.ValueKind == JsonValueKind.Array
                    ? property.Value.EnumerateArray().Select(Text)
                    : [Text(property.Value)];
                builder[Redact(property.Name, secrets)!] = values.Select(v => Redact(v, secrets)!).ToImmutableArray();
            }
        }
        else if (details is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } other)
        {
            builder[string.Empty] = ImmutableArray.Create(Redact(other.GetRawText(), secrets)!);
        }

        return builder.ToImmutable();
    }

    /// <summary>A string as its text, anything else as compact JSON.</summary>
    private static string Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();

    private static string? Redact(string? text, string[] secrets)
    {
        if (text is null)
        {
            return null;
        }

        foreach (var secret in secrets)
        {
            text = text.Replace(secret, "[secret]", StringComparison.Ordinal);
        }

        return text;
    }

    private static T ParseBody<T>(string operation, string text)
    {
        try
        {
            return BirdJson.Deserialize<T>(text) ?? throw new JsonException("empty body");
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"{operation}: Bird answered with JSON BirdInfra cannot read as {typeof(T).Name} ({ex.GetType().Name}).");
        }
    }

    /// <summary>The endpoint, the Bird path (its segments escaped by <see cref="BirdPaths"/>) and the query, built by Flurl.</summary>
    private Url Url(string path, IReadOnlyList<KeyValuePair<string, string>>? query)
    {
        var url = new Url(Options.Endpoint).AppendPathSegment(path);
        foreach (var (name, value) in query ?? [])
        {
            url.SetQueryParam(name, value);
        }

        return url;
    }

    private sealed record AttemptResult(HttpResponseMessage? Response, BirdFailure Failure, bool RequestMayHaveBeenSent, Exception? Error);
}
