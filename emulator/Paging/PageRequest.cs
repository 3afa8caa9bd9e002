using System.Globalization;

namespace BirdInfra.Emulator.Paging;

/// <summary>The <c>limit</c> / <c>pageToken</c> / <c>reverse</c> query parameters every list endpoint takes.</summary>
internal sealed record PageRequest(int Limit, PageToken? After, bool Reverse)
{
    public const int DefaultLimit = 10;

    public static Outcome<PageRequest> Parse(IQueryCollection query, int maxLimit = 100)
    {
        var limit = DefaultLimit;
        if (query.TryGetValue("limit", out var limitText)
            && (!int.TryParse(limitText.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > maxLimit))
        {
            return ApiError.BadRequest($"limit must be a whole number from 1 to {maxLimit}");
        }

        PageToken? after = null;
        if (query.TryGetValue("pageToken", out var tokenText) && tokenText.ToString().Length > 0)
        {
            var text = tokenText.ToString();
            after = text.Length <= 8000 ? PageToken.TryDecode(text) : null;
            if (after is null)
            {
                return ApiError.BadRequest("pageToken is not a token returned by this endpoint");
            }
        }

        var reverse = false;
        if (query.TryGetValue("reverse", out var reverseText) && !bool.TryParse(reverseText.ToString(), out reverse))
        {
            return ApiError.BadRequest("reverse must be true or false");
        }

        return new PageRequest(limit, after, reverse);
    }
}
