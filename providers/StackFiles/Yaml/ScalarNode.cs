
namespace BirdInfra.Providers.StackFiles.Yaml;

/// <summary>A scalar with its exact text: unquoted numbers such as 102290129340398 keep every digit.</summary>
public sealed class ScalarNode(int line, int column, string path, string value, bool isPlain, bool hasTag)
    : StackNode(line, column, path)
{
    private static readonly HashSet<string> NullWords = new(StringComparer.Ordinal) { "", "~", "null", "Null", "NULL" };
    private static readonly HashSet<string> TrueWords = new(StringComparer.Ordinal) { "true", "True", "TRUE" };
    private static readonly HashSet<string> FalseWords = new(StringComparer.Ordinal) { "false", "False", "FALSE" };

    public string Value { get; } = value;

    public bool IsPlain { get; } = isPlain;

    /// <summary>A YAML null (empty, ~ or null, unquoted and untagged): treated as an absent value.</summary>
    public bool IsNull => IsPlain && !hasTag && NullWords.Contains(Value);

    public bool? AsBoolean => !IsPlain ? null : TrueWords.Contains(Value) ? true : FalseWords.Contains(Value) ? false : null;

    public override int ExpandedSize => 1;

    public override string Describe() => IsNull ? "nothing (null)" : IsPlain ? $"'{Text.Shown(Value)}'" : "a quoted string";
}
