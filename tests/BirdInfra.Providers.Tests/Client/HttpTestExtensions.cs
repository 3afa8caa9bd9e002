using Flurl.Http.Testing;

namespace BirdInfra.Providers.Tests.Client;

/// <summary>Queues fake responses on Flurl's HttpTest (once the queue is used up, Flurl repeats its last response).</summary>
internal static class HttpTestExtensions
{
    public static HttpTest Respond(this HttpTest test, int status, string body, params (string Name, string Value)[] headers) =>
        test.Respond(1, status, body, headers);

    public static HttpTest Respond(this HttpTest test, int times, int status, string body, params (string Name, string Value)[] headers)
    {
        for (var i = 0; i < times; i++)
        {
            test.RespondWith(body, status, headers.Select(h => KeyValuePair.Create(h.Name, h.Value)).ToList());
        }

        return test;
    }

    public static HttpTest Timeouts(this HttpTest test, int times)
    {
        for (var i = 0; i < times; i++)
        {
            test.SimulateTimeout();
        }

        return test;
    }
}
