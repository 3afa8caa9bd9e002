using System.Text.Json.Nodes;

namespace BirdInfra.Emulator.Faults;

/// <summary>
/// Holds fault rules and rolls their dice. Each rule has its own RNG (seeded from the rule's <c>seed</c>
/// or the emulator's fault seed) so a given sequence of requests sees a reproducible sequence of faults.
/// </summary>
internal sealed class FaultRegistry(EmulatorOptions options, TimeProvider time)
{
    private static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

    private readonly Lock _gate = new();
    private readonly List<(FaultRule Rule, Random Dice)> _rules = [];
    private int _created;

    public IReadOnlyList<FaultRule> Snapshot()
    {
        lock (_gate)
        {
            return _rules.Select(r => r.Rule).ToList();
        }
    }

    public Outcome<FaultRule> Add(JsonObject body)
    {
        var v = new Validator();
        v.Closed(body, "", "method", "path", "latencyMs", "tooManyRequestsRate", "retryAfterSeconds", "errorRate", "errorStatus", "dropRate", "remaining", "phase", "seed");
        var method = v.String(body, "method", "", required: false)?.ToUpperInvariant();
        if (method is not null && !Methods.Contains(method))
        {
            v.Add(".method", $"must be one of: {string.Join(", ", Methods)}");
        }

        var path = v.String(body, "path", "", required: true, max: 2048);
        if (path is not null && ResourcePattern.Problem(path) is { } problem)
        {
            v.Add(".path", problem);
        }

        var latency = v.Int(body, "latencyMs", "", 0, 120_000);
        var tooMany = v.Number(body, "tooManyRequestsRate", "", 0, 1);
        var retryAfter = v.Number(body, "retryAfterSeconds", "", 0, 3600);
        var errorRate = v.Number(body, "errorRate", "", 0, 1);
        var errorStatus = v.Int(body, "errorStatus", "", 500, 503) ?? 500;
        if (errorStatus is not (500 or 502 or 503))
        {
            v.Add(".errorStatus", "must be one of: 500, 502, 503");
        }

        var drop = v.Number(body, "dropRate", "", 0, 1);
        var remaining = v.Int(body, "remaining", "", 1, int.MaxValue);
        var phase = v.String(body, "phase", "", required: false) ?? "before";
        if (phase is not ("before" or "after"))
        {
            v.Add(".phase", "must be one of: before, after");
        }

        var seed = v.Int(body, "seed", "", int.MinValue, int.MaxValue);
        if (v.ToError() is { } invalid)
        {
            return invalid;
        }

        lock (_gate)
        {
            var rule = new FaultRule(Clock.NewId(), method, path!, latency, tooMany, retryAfter, errorRate, errorStatus, drop, remaining, phase, seed, time.NowMs());
            var diceSeed = seed ?? (options.FaultSeed is { } s ? HashCode.Combine(s, _created) : Random.Shared.Next());
            _created++;
            _rules.Add((rule, new Random(diceSeed)));
            return rule;
        }
    }

    public bool Remove(string id)
    {
        lock (_gate)
        {
            return _rules.RemoveAll(r => r.Rule.Id == id) > 0;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    /// <summary>Rolls every matching rule once; a rule with <c>remaining</c> is used up by matching, hit or not.</summary>
    public FaultPlan Decide(string method, string path)
    {
        lock (_gate)
        {
            if (_rules.Count == 0)
            {
                return FaultPlan.None;
            }

            var plan = FaultPlan.None;
            for (var i = 0; i < _rules.Count; i++)
            {
                var (rule, dice) = _rules[i];
                if ((rule.Method is not null && !string.Equals(rule.Method, method, StringComparison.OrdinalIgnoreCase))
                    || !ResourcePattern.Matches(rule.Path, path))
                {
                    continue;
                }

                var after = rule.Phase == "after";
                plan = plan with
                {
                    LatencyMs = plan.LatencyMs + (rule.LatencyMs ?? 0),
                    DropBefore = plan.DropBefore || (!after && Roll(dice, rule.DropRate)),
                    DropAfter = plan.DropAfter || (after && Roll(dice, rule.DropRate)),
                    TooManyRequests = plan.TooManyRequests || Roll(dice, rule.TooManyRequestsRate),
                };
                if (plan.TooManyRequests && plan.RetryAfterSeconds is null && rule.TooManyRequestsRate is not null)
                {
                    plan = plan with { RetryAfterSeconds = rule.RetryAfterSeconds };
                }

                if (Roll(dice, rule.ErrorRate))
                {
                    plan = after ? plan with { ErrorAfter = plan.ErrorAfter ?? rule.ErrorStatus } : plan with { ErrorBefore = plan.ErrorBefore ?? rule.ErrorStatus };
                }

                if (rule.Remaining is { } left)
                {
                    if (left <= 1)
                    {
                        _rules.RemoveAt(i--);
                    }
                    else
                    {
                        _rules[i] = (rule with { Remaining = left - 1 }, dice);
                    }
                }
            }

            return plan;
        }
    }

    private static bool Roll(Random dice, double? rate) => rate is > 0 && (rate >= 1 || dice.NextDouble() < rate);
}
