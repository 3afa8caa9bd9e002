using System.Text;
using BirdInfra.Stacks.Validation;

namespace BirdInfra.Stacks;

/// <summary>
/// Reads and validates a stack file offline: size, encoding, YAML, then every section, collecting all
/// problems as diagnostics. Never throws for bad input; no network access.
/// </summary>
public static class StackLoader
{
    public static StackLoadResult Load(string path, StackLoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        var bag = new DiagnosticBag();
        var name = Path.GetFileNameWithoutExtension(path);
        var bytes = ReadBounded(path, bag);
        if (bytes is null)
        {
            return new StackLoadResult(null, bag.ToImmutable());
        }

        return Load(bytes, name, path, options, bag);
    }

    /// <summary>Validates file content held in memory; <paramref name="path"/> is used for locations.</summary>
    public static StackLoadResult Load(ReadOnlySpan<byte> content, string path, StackLoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        var bag = new DiagnosticBag();
        if (content.Length > StackLimits.MaxFileBytes)
        {
            TooLarge(bag, path, content.Length);
            return new StackLoadResult(null, bag.ToImmutable());
        }

        return Load(content.ToArray(), Path.GetFileNameWithoutExtension(path), path, options, bag);
    }

    private static StackLoadResult Load(byte[] bytes, string name, string path, StackLoadOptions options, DiagnosticBag bag)
    {
        var sections = Sections(options.Kinds);
        var root = ReadTree(bytes, path, bag, sections);
        if (bag.HasErrors && root is null)
        {
            return new StackLoadResult(null, bag.ToImmutable());
        }

        var files = new List<string> { path };
        root = StackExtends.Resolve(root, path, bag, files, (file, baseBag) => ReadBase(file, baseBag, sections));
        var stack = StackValidator.Validate(root, name, path, options, bag);
        return new StackLoadResult(bag.HasErrors ? null : stack, bag.ToImmutable()) { Files = [.. files], Effective = root };
    }

    /// <summary>
    /// The files a stack is made of: the file itself, then its bases in <c>extends</c> order (no validation, so no section
    /// is looked into: only <c>extends</c> is read).
    /// </summary>
    public static ImmutableArray<string> FilesOf(string path)
    {
        var files = new List<string> { path };
        var bag = new DiagnosticBag();
        var noSections = new HashSet<string>(StringComparer.Ordinal);
        if (ReadBounded(path, bag) is { } bytes)
        {
            StackExtends.Resolve(ReadTree(bytes, path, bag, noSections), path, bag, files, (file, baseBag) => ReadBase(file, baseBag, noSections));
        }

        return [.. files];
    }

    /// <summary>The effective tree of a file and its bases (no validation: a base alone need not be a whole stack); problems go to <paramref name="bag"/>.</summary>
    public static StackNode? EffectiveTree(string path, KindRegistry kinds, DiagnosticBag bag)
    {
        var files = new List<string> { path };
        var sections = Sections(kinds);
        return ReadBounded(path, bag) is { } bytes
            ? StackExtends.Resolve(ReadTree(bytes, path, bag, sections), path, bag, files, (file, baseBag) => ReadBase(file, baseBag, sections))
            : null;
    }

    /// <summary>A stack file's tree from text (no validation), e.g. what <c>export</c> wrote.</summary>
    public static StackNode? ParseTree(string text, string path, KindRegistry kinds, DiagnosticBag bag) =>
        YamlTreeReader.Read(text, path, bag, Sections(kinds));

    /// <summary>The sections whose entries are logical names (their duplicates are reported).</summary>
    private static HashSet<string> Sections(KindRegistry kinds) => kinds.Sections.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);

    private static StackNode? ReadTree(byte[] bytes, string path, DiagnosticBag bag, IReadOnlySet<string> sections) =>
        SourceText.Decode(bytes, path, bag) is { } text
            ? YamlTreeReader.Read(text, path, bag, sections)
            : null;

    private static StackNode? ReadBase(string path, DiagnosticBag bag, IReadOnlySet<string> sections) =>
        ReadBounded(path, bag) is { } bytes ? ReadTree(bytes, path, bag, sections) : null;

    private static byte[]? ReadBounded(string path, DiagnosticBag bag)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            if (stream.Length > StackLimits.MaxFileBytes)
            {
                TooLarge(bag, path, stream.Length);
                return null;
            }

            // Read at most one byte past the limit: the file may grow while it is read.
            var buffer = new byte[StackLimits.MaxFileBytes + 1];
            var total = 0;
            int read;
            while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0)
            {
                total += read;
            }

            if (total > StackLimits.MaxFileBytes)
            {
                TooLarge(bag, path, total);
                return null;
            }

            return buffer.AsSpan(0, total).ToArray();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            bag.Add(
                DiagnosticCodes.FileUnreadable,
                $"The stack file cannot be read: {ex.Message}",
                ex is FileNotFoundException or DirectoryNotFoundException
                    ? "Check the stack name: stacks live in stacks/<name>.yaml."
                    : "Check that the path is a readable file.",
                new SourceLocation(path, 1, 1),
                string.Empty);
            return null;
        }
    }

    private static void TooLarge(DiagnosticBag bag, string path, long size) =>
        bag.Add(
            DiagnosticCodes.FileTooLarge,
            $"The stack file is {size:N0} bytes; the limit is {StackLimits.MaxFileBytes:N0} (1 MiB). It was not parsed.",
            "A stack file for even hundreds of numbers stays far below 1 MiB: check that this is the right file.",
            new SourceLocation(path, 1, 1),
            string.Empty);

    /// <summary>Strict UTF-8 decoding with the position of the first bad byte, and raw control characters.</summary>
    private static class SourceText
    {
        public static string? Decode(byte[] bytes, string path, DiagnosticBag bag)
        {
            var span = bytes.AsSpan();
            if (span.StartsWith("\uFEFF"u8))
            {
                span = span[3..];
            }
            else if (span.StartsWith(new byte[] { 0xFF, 0xFE }) || span.StartsWith(new byte[] { 0xFE, 0xFF }))
            {
                bag.Add(
                    DiagnosticCodes.NotUtf8,
                    "The stack file is UTF-16 (it starts with a UTF-16 byte order mark); stack files are UTF-8.",
                    "Save the file as UTF-8.",
                    new SourceLocation(path, 1, 1),
                    string.Empty);
                return null;
            }

            var offset = 0;
            while (offset < span.Length)
            {
                if (System.Text.Rune.DecodeFromUtf8(span[offset..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
                {
                    var (line, column) = Position(span[..offset]);
                    bag.Add(
                        DiagnosticCodes.NotUtf8,
                        $"The stack file is not valid UTF-8: byte 0x{span[offset]:X2} at offset {offset} does not start a valid character.",
                        "Save the file as UTF-8 (editors often call it 'UTF-8 without BOM'), and check for pasted binary data.",
                        new SourceLocation(path, line, column),
                        string.Empty);
                    return null;
                }

                offset += consumed;
            }

            var text = Encoding.UTF8.GetString(span);
            return RawControlCharacters(text, path, bag) ? null : text;
        }

        /// <summary>Control characters other than tab and line breaks are not YAML; report them before parsing.</summary>
        private static bool RawControlCharacters(string text, string path, DiagnosticBag bag)
        {
            var found = false;
            var line = 1;
            var column = 1;
            foreach (var c in text)
            {
                if (c == '\n')
                {
                    line++;
                    column = 1;
                    continue;
                }

                if (char.IsControl(c) && c is not '\t' and not '\r')
                {
                    bag.Add(
                        DiagnosticCodes.ControlCharacters,
                        $"The control character U+{(int)c:X4} appears in the file.",
                        "Remove it: stack files are plain text (write escapes such as \\t inside double quotes only where a value allows them).",
                        new SourceLocation(path, line, column),
                        string.Empty);
                    found = true;
                }

                column++;
            }

            return found;
        }

        private static (int Line, int Column) Position(ReadOnlySpan<byte> before)
        {
            var line = 1 + before.Count((byte)'\n');
            var lastNewline = before.LastIndexOf((byte)'\n');
            var column = 1 + Encoding.UTF8.GetCharCount(before[(lastNewline + 1)..]);
            return (line, column);
        }
    }
}
