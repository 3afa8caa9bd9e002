using System.Net;
using System.Text.Json.Nodes;
using BirdInfra.Providers.Client;
using BirdInfra.Providers.Tests.Support;
using Flurl.Http.Testing;

namespace BirdInfra.Providers.Tests.Client;

/// <summary>Retries happen only on 429, 5xx, timeouts and dropped connections, and are bounded by MaxAttempts.</summary>
public sealed class BirdClientRetryTests
{
    private const string Path = "/organizations/org/iam-policies";

    [Fact]
    public async Task Get_WhenOk_SendsAccessKeyAndParsesJson()
    {
        using var http = new HttpTest();
        http.Respond(200, "{\"id\":\"p1\",\"name\":\"n\"}");
        using var c = new RecordingClient();

        var body = await c.Client.GetAsync<JsonObject>(Path + "/p1", CancellationToken.None);

        body["name"]!.GetValue<string>().Should().Be("n");
        http.ShouldHaveCalled("https://api.bird.test/organizations/org/iam-policies/p1")
            .WithVerb(HttpMethod.Get)
            .WithHeader("Authorization", "AccessKey " + RecordingClient.Token)
            .Times(1);
        c.Client.AttemptCount.Should().Be(1);
    }

    [Fact]
    public async Task Post_SendsCamelCaseJson()
    {
        using var http = new HttpTest();
        http.Respond(201, "{\"id\":\"p1\"}");
        using var c = new RecordingClient();

        await c.Client.PostAsync<JsonObject>(Path, new { Name = "n", Description = (string?)null }, CancellationToken.None);

        http.ShouldHaveCalled("*iam-policies").WithVerb(HttpMethod.Post).WithRequestBody("{\"name\":\"n\"}").WithContentType("application/json");
    }

    [Theory]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task Get_WhenTransientStatusThenOk_RetriesUntilSuccess(int status)
    {
        using var http = new HttpTest();
        http.Respond(status, "{}").Respond(status, "{}").Respond(200, "{\"id\":\"x\"}");
        using var c = new RecordingClient();

        var body = await c.Client.GetAsync<JsonObject>(Path, CancellationToken.None);

        body["id"]!.GetValue<string>().Should().Be("x");
        c.Client.AttemptCount.Should().Be(3);
        c.Delays.Should().HaveCount(2);
        http.CallLog.Should().HaveCount(3);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(503)]
    public async Task Get_WhenTransientStatusPersists_StopsAtMaxAttempts(int status)
    {
        using var http = new HttpTest();
        http.Respond(times: 10, status, "{\"code\":\"X\",\"message\":\"busy\"}");
        using var c = new RecordingClient(maxAttempts: 4);

        var act = () => c.Client.GetAsync<JsonObject>(Path, CancellationToken.None);

        var ex = (await act.Should().ThrowAsync<BirdApiException>()).Which;
        ex.StatusCode.Should().Be((HttpStatusCode)status);
        ex.Attempts.Should().Be(4);
        ex.OutcomeUnknown.Should().BeFalse("a GET changes nothing");
        http.CallLog.Should().HaveCount(4);
        c.Delays.Should().HaveCount(3);
    }

    [Theory]
    [InlineData(400, "BadRequest")]
    [InlineData(401, "Unauthorized")]
    [InlineData(403, "Forbidden")]
    [InlineData(404, "NotFound")]
    [InlineData(405, "MethodNotAllowed")]
    [InlineData(409, "Conflict")]
    [InlineData(422, "InvalidPayload")]
    public async Task Post_WhenClientError_NeverRetries(int status, string code)
    {
        using var http = new HttpTest();
        http.Respond(status, $"{{\"code\":\"{code}\",\"message\":\"nope\"}}");
        using var c = new RecordingClient();

        var act = () => c.Client.PostAsync<JsonObject>(Path, new { name = "x" }, CancellationToken.None);

        var ex = (await act.Should().ThrowAsync<BirdApiException>()).Which;
        ex.StatusCode.Should().Be((HttpStatusCode)status);
        ex.Code.Should().Be(code);
        ex.BirdMessage.Should().Be("nope");
        ex.Attempts.Should().Be(1);
        ex.OutcomeUnknown.Should().BeFalse();
        http.CallLog.Should().HaveCount(1);
        c.Delays.Should().BeEmpty();
    }

    [Fact]
    public async Task Get_When429WithRetryAfterSeconds_WaitsThatLong()
    {
        using var http = new HttpTest();
        http.Respond(429, "{}", ("Retry-After", "3")).Respond(200, "{}");
        using var c = new RecordingClient();

        await c.Client.GetAsync<JsonObject>(Path, CancellationToken.None);

        c.Delays.Should().Equal(TimeSpan.FromSeconds(3));
        http.CallLog.Should().HaveCount(2);
    }

    [Fact]
    public async Task Get_When429WithRetryAfterDate_WaitsUntilThen()
    {
        using var http = new HttpTest();
        // The client's clock stands still, so the date is exactly 5 s after the client's "now" (an HTTP date has
        // whole seconds only, and the manual clock starts on a whole second).
        var time = new ManualTimeProvider();
        var at = time.GetUtcNow().AddSeconds(5);
        http.Respond(429, "{}", ("Retry-After", at.ToString("R"))).Respond(200, "{}");
        using var c = new RecordingClient(time: time);

        await c.Client.GetAsync<JsonObject>(Path, CancellationToken.None);

        c.Delays.Should().Equal(TimeSpan.FromSeconds(5));
        http.CallLog.Should().HaveCount(2);
    }

    [Fact]
    public async Task Get_WhenRetryAfterIsHuge_CapsIt()
    {
        using var http = new HttpTest();
        http.Respond(429, "{}", ("Retry-After", "86400")).Respond(200, "{}");
        using var c = new RecordingClient();

        await c.Client.GetAsync<JsonObject>(Path, CancellationToken.None);

        c.Delays.Single().Should().Be(c.Client.Options.MaxRetryAfter);
    }

    [Fact]
    public async Task Get_When429WithoutRetryAfter_BacksOffWithCappedJitter()
    {
        using var http = new HttpTest();
        http.Respond(times: 10, 429, "{}");
        using var c = new RecordingClient(maxAttempts: 10);

        await FluentActions.Awaiting(() => c.Client.GetAsync<JsonObject>(Path, CancellationToken.None)).Should().ThrowAsync<BirdApiException>();

        var attempts = c.Attempts.ToArray();
        attempts.Should().HaveCount(10);
        for (var i = 0; i < 9; i++)
        {
            var cap = Math.Min(10_000, 200 * Math.Pow(2, i));
            attempts[i].RetryDelay!.Value.TotalMilliseconds.Should().BeInRange(0, cap);
        }

        attempts[9].WillRetry.Should().BeFalse();
        attempts[9].RetryDelay.Should().BeNull();
    }

    [Fact]
    public async Task Get_WhenTimeoutThenOk_Retries()
    {
        using var http = new HttpTest();
        http.Timeouts(1).Respond(200, "{\"id\":\"x\"}");
        using var c = new RecordingClient();

        var body = await c.Client.GetAsync<JsonObject>(Path, CancellationToken.None);

        body["id"]!.GetValue<string>().Should().Be("x");
        http.CallLog.Should().HaveCount(2);
        c.Attempts.First().Failure.Should().Be(BirdFailure.Timeout);
    }

    [Fact]
    public async Task Get_WhenTimeoutsPersist_FailsAsTimeoutAfterMaxAttempts()
    {
        using var http = new HttpTest();
        http.Timeouts(3);
        using var c = new RecordingClient(maxAttempts: 3);

        var ex = (await FluentActions.Awaiting(() => c.Client.GetAsync<JsonObject>(Path, CancellationToken.None)).Should().ThrowAsync<BirdApiException>()).Which;

        ex.Failure.Should().Be(BirdFailure.Timeout);
        ex.StatusCode.Should().BeNull();
        ex.Attempts.Should().Be(3);
        http.CallLog.Should().HaveCount(3);
    }

    [Fact]
    public async Task Post_WhenItTimesOut_IsNotSentAgain_AndMarksOutcomeUnknown()
    {
        using var http = new HttpTest();
        http.Timeouts(2);
        using var c = new RecordingClient(maxAttempts: 2);

        var ex = (await FluentActions.Awaiting(() => c.Client.PostAsync<JsonObject>(Path, new { name = "x" }, CancellationToken.None)).Should().ThrowAsync<BirdApiException>()).Which;

        ex.OutcomeUnknown.Should().BeTrue();
        ex.Message.Should().Contain("may have applied");
        http.CallLog.Should().HaveCount(1, "a second POST could create a duplicate; the engine looks the object up instead");
    }

    [Fact]
    public async Task Post_When500_IsNotSentAgain_AndMarksOutcomeUnknown()
    {
        using var http = new HttpTest();
        http.Respond(500, "{}").Respond(409, "{\"code\":\"Conflict\"}");
        using var c = new RecordingClient();

        var ex = (await FluentActions.Awaiting(() => c.Client.PostAsync<JsonObject>(Path, new { name = "x" }, CancellationToken.None)).Should().ThrowAsync<BirdApiException>()).Which;

        ex.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        ex.OutcomeUnknown.Should().BeTrue("the attempt may have created the object");
        ex.Attempts.Should().Be(1);
    }

    [Fact]
    public async Task Post_When429Persists_OutcomeIsKnown()
    {
        using var http = new HttpTest();
        http.Respond(times: 2, 429, "{}");
        using var c = new RecordingClient(maxAttempts: 2);

        var ex = (await FluentActions.Awaiting(() => c.Client.PostAsync<JsonObject>(Path, new { name = "x" }, CancellationToken.None)).Should().ThrowAsync<BirdApiException>()).Which;

        ex.OutcomeUnknown.Should().BeFalse("Bird documents that a 429 was not processed");
    }

    [Fact]
    public async Task Get_WhenConnectionDrops_Retries()
    {
        // HttpTest cannot simulate a dropped connection, so a raw socket drops the first one for real.
        await using var server = await DroppingServer.StartAsync(dropFirst: 1, "{\"id\":\"x\"}");
        using var c = new RecordingClient(endpoint: server.Endpoint);

        var body = await c.Client.GetAsync<JsonObject>(Path, CancellationToken.None);

        body["id"]!.GetValue<string>().Should().Be("x");
        server.Connections.Should().Be(2);
        c.Attempts.First().Failure.Should().Be(BirdFailure.ConnectionFailed);
    }

    [Fact]
    public async Task Post_WhenTheConnectionDropsAfterSending_IsNotSentAgain_AndMarksOutcomeUnknown()
    {
        await using var server = await DroppingServer.StartAsync(dropFirst: int.MaxValue, "{}");
        using var c = new RecordingClient(maxAttempts: 3, endpoint: server.Endpoint);

        var ex = (await FluentActions.Awaiting(() => c.Client.PostAsync<JsonObject>(Path, new { name = "x" }, CancellationToken.None)).Should().ThrowAsync<BirdApiException>()).Which;

        ex.Failure.Should().Be(BirdFailure.ConnectionFailed);
        ex.Attempts.Should().Be(1);
        ex.OutcomeUnknown.Should().BeTrue();
        server.Connections.Should().Be(1);
    }

    [Fact]
    public async Task Get_WhenMaxAttemptsIsOne_NeverRetries()
    {
        using var http = new HttpTest();
        http.Respond(times: 2, 503, "{}");
        using var c = new RecordingClient(maxAttempts: 1);

        await FluentActions.Awaiting(() => c.Client.GetAsync<JsonObject>(Path, CancellationToken.None)).Should().ThrowAsync<BirdApiException>();

        http.CallLog.Should().HaveCount(1);
    }

    [Fact]
    public async Task Get_WhenCancelledWhileBackingOff_StopsRetrying()
    {
        using var http = new HttpTest();
        http.Respond(503, "{}");
        using var cts = new CancellationTokenSource();
        using var client = new BirdClient(new BirdClientOptions(new Uri("https://api.bird.test"), new BirdAccessKey(RecordingClient.Token))
        {
            Delay = (_, ct) =>
            {
                cts.Cancel();
                return Task.Delay(Timeout.Infinite, ct);
            },
        });

        await FluentActions.Awaiting(() => client.GetAsync<JsonObject>(Path, cts.Token)).Should().ThrowAsync<OperationCanceledException>();

        http.CallLog.Should().HaveCount(1);
    }
}
