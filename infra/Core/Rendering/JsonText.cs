using System.Text.Encodings.Web;
using System.Text.Json;

namespace BirdInfra.Rendering;

/// <summary>The JSON writer settings BirdInfra's documents share, set once so every output indents and escapes alike.</summary>
public static class JsonText
{
    /// <summary>Indented, with System.Text.Json's default (strict) escaping.</summary>
    public static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Indented, escaping only what JSON requires (the generated schema and reports people read keep <c>'</c>, <c>&lt;</c>, non-ASCII as is).</summary>
    public static readonly JsonSerializerOptions IndentedRelaxed = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
