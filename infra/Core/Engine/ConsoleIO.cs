namespace BirdInfra.Engine;

/// <summary>Where a command writes (results to Out, progress and errors to Error) and how it asks for confirmation.</summary>
public sealed record ConsoleIO(TextWriter Out, TextWriter Error, Func<string, bool> Confirm, Func<string, string?> Environment)
{
    public static ConsoleIO System => new(
        Console.Out,
        Console.Error,
        question =>
        {
            if (Console.IsInputRedirected)
            {
                return false;
            }

            Console.Error.Write($"{question} Type 'yes' to continue: ");
            return string.Equals(Console.ReadLine()?.Trim(), "yes", StringComparison.OrdinalIgnoreCase);
        },
        global::System.Environment.GetEnvironmentVariable);
}
