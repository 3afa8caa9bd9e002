namespace BirdInfra.Emulator.Http;

/// <summary>A value or an expected API error; expected failures are results, not exceptions.</summary>
public sealed record Outcome<T>(T? Value, ApiError? Error)
{
    public static implicit operator Outcome<T>(T value) => new(value, null);

    public static implicit operator Outcome<T>(ApiError error) => new(default, error);
}
