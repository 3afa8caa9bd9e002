using System.Security.Cryptography;
using System.Text;

namespace BirdInfra.Emulator.Auth;

/// <summary>
/// Authentication (<c>Authorization: AccessKey &lt;token&gt;</c>, else 401) and authorization (policy
/// evaluation, else 403) for every request, before any endpoint runs. <c>/_emulator</c> is admin only.
/// </summary>
internal sealed class AccessKeyMiddleware(RequestDelegate next, EmulatorStore store, TimeProvider time)
{
    public const string ControlPrefix = "/_emulator";

    private readonly byte[] _adminHash = Encoding.ASCII.GetBytes(TokenHash.Of(store.Bootstrap.AdminAccessKey));

    public async Task InvokeAsync(HttpContext context)
    {
        var ct = context.RequestAborted;
        var token = ReadToken(context.Request);
        if (token is null)
        {
            await ApiResults.WriteErrorAsync(context, new ApiError(401, ErrorCodes.Unauthorized, "missing or malformed 'Authorization: AccessKey <token>' header"), ct);
            return;
        }

        var hash = TokenHash.Of(token);
        var isAdmin = CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(hash), _adminHash);
        var path = context.Request.Path.Value ?? "/";
        var method = context.Request.Method;
        var (known, allowed, keyId) = isAdmin
            ? (true, true, null)
            : store.Read(state =>
            {
                var key = state.AccessKeys.Values.FirstOrDefault(k => k.TokenHash == hash);
                if (key is null)
                {
                    return (false, false, (string?)null);
                }

                var ok = !path.StartsWith(ControlPrefix, StringComparison.Ordinal) && PolicyEvaluator.IsAllowed(state, key, method, path);
                return (true, ok, key.Id);
            });

        if (!known)
        {
            await ApiResults.WriteErrorAsync(context, new ApiError(401, ErrorCodes.Unauthorized, "unknown access key"), ct);
            return;
        }

        if (keyId is not null)
        {
            var now = time.NowMs();
            store.Touch(state =>
            {
                if (state.AccessKeys.TryGetValue(keyId, out var k))
                {
                    state.AccessKeys[keyId] = k with { LastUsedAt = now };
                }
            });
        }

        if (!allowed)
        {
            await ApiResults.WriteErrorAsync(context, new ApiError(403, ErrorCodes.Forbidden, $"the access key is not allowed to {HttpActions.For(method)} {path}"), ct);
            return;
        }

        context.Items[typeof(Principal)] = new Principal(isAdmin, keyId);
        await next(context);
    }

    private static string? ReadToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "AccessKey ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = header[scheme.Length..].Trim();
        return token.Length == 0 ? null : token;
    }
}
