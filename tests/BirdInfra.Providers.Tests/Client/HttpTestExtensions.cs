using System.Text;
using Flurl.Http.Testing;

namespace BirdInfra.Providers.Tests.Client;

/// <summary>
/// Queues fake responses directly: Flurl.Http 2.4's own RespondWith calls a Flurl 2.x helper that
/// Flurl 3 removed (MissingMethodException), and its queue does not repeat the last response.
/// </summary>
internal static class HttpTestExtensions
{
    public static HttpTest Respond(this HttpTest test, int status, string body, params (string Name, string Value)[] headers) =>
        test.Respond(1, status, body, headers);

    public static HttpTest Respond(this HttpTest test, int times, int status, string body, params (string Name, string Value)[] headers)
    {
        for (var i = 0; i < times; i++)
        {
            var response = new HttpResponseMessage((System.Net.HttpStatusCode)status)
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
            foreach (var (name, value) in headers)
            {
                response.Headers.TryAddWithoutValidation(name, value);
            }

            test.ResponseQueue.Enqueue(response);
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
