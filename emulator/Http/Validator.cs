using System.Text.Json;
using System.Text.Json.Nodes;

namespace BirdInfra.Emulator.Http;

/// <summary>
/// Collects every problem in a request body (not just the first), keyed by JSON path like Bird's
/// real 422 sample (<c>".receiver.contacts[0]"</c>).
/// </summary>
internal sealed class Validator
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool HasErrors => _errors.Count > 0;

    public static string Child(string path, string name) => $"{path}.{name}";

    public static string Item(string path, int index) => $"{path}[{index}]";

    public void Add(string path, string problem)
    {
        var key = path.Length == 0 ? "." : path;
        if (!_errors.TryGetValue(key, out var list))
        {
            _errors[key] = list = [];
        }

        list.Add(problem);
    }

    public ApiError? ToError() =>
        _errors.Count == 0
            ? null
            : ApiError.Invalid(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));

    /// <summary>Closed schema (<c>additionalProperties: false</c>): every other property is reported.</summary>
    public void Closed(JsonObject obj, string path, params string[] allowed)
    {
        foreach (var (name, _) in obj)
        {
            if (!allowed.Contains(name, StringComparer.Ordinal))
            {
                Add(path, $"property \"{name}\" is unsupported");
            }
        }
    }

    /// <param name="nullable">The schema allows an explicit <c>null</c>; otherwise one is reported even for an optional property.</param>
    public string? String(JsonObject obj, string name, string path, bool required, int min = 1, int max = 256, bool nullable = false)
    {
        var at = Child(path, name);
        if (!obj.TryGetPropertyValue(name, out var node) || node is null)
        {
            if (obj.ContainsKey(name) && !nullable)
            {
                Add(at, "must not be null");
            }
            else if (required && !obj.ContainsKey(name))
            {
                Add(at, "is required");
            }

            return null;
        }

        if (node.GetValueKind() != JsonValueKind.String)
        {
            Add(at, "must be a string");
            return null;
        }

        var value = node.GetValue<string>();
        if (value.Length < min || value.Length > max)
        {
            Add(at, $"length must be between {min} and {max}");
            return null;
        }

        return value;
    }

    public bool? Bool(JsonObject obj, string name, string path)
    {
        if (!obj.TryGetPropertyValue(name, out var node) || node is null)
        {
            return null;
        }

        if (node.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
        {
            Add(Child(path, name), "must be a boolean");
            return null;
        }

        return node.GetValue<bool>();
    }

    public int? Int(JsonObject obj, string name, string path, int min, int max)
    {
        if (!obj.TryGetPropertyValue(name, out var node) || node is null)
        {
            return null;
        }

        if (node.GetValueKind() != JsonValueKind.Number || !node.AsValue().TryGetValue<int>(out var value))
        {
            Add(Child(path, name), "must be an integer");
            return null;
        }

        if (value < min || value > max)
        {
            Add(Child(path, name), $"must be between {min} and {max}");
            return null;
        }

        return value;
    }

    public double? Number(JsonObject obj, string name, string path, double min, double max)
    {
        if (!obj.TryGetPropertyValue(name, out var node) || node is null)
        {
            return null;
        }

        if (node.GetValueKind() != JsonValueKind.Number)
        {
            Add(Child(path, name), "must be a number");
            return null;
        }

        var value = node.GetValue<double>();
        if (value < min || value > max)
        {
            Add(Child(path, name), $"must be between {min} and {max}");
            return null;
        }

        return value;
    }

    public JsonObject? Object(JsonObject obj, string name, string path, bool required) =>
        Node<JsonObject>(obj, name, path, required, "must be an object");

    public JsonArray? Array(JsonObject obj, string name, string path, bool required, int minItems = 0, int maxItems = int.MaxValue)
    {
        var array = Node<JsonArray>(obj, name, path, required, "must be an array");
        if (array is null)
        {
            return null;
        }

        if (array.Count < minItems || array.Count > maxItems)
        {
            Add(Child(path, name), maxItems == int.MaxValue
                ? $"must contain at least {minItems} item(s)"
                : $"must contain between {minItems} and {maxItems} items");
            return null;
        }

        return array;
    }

    /// <summary>
    /// The objects of an array property, each with its path and held to a closed schema; an item that is not an
    /// object is reported by index and skipped. Null when the property is absent or not a valid array. Lazy, so each
    /// item's problems are reported in the order the caller reads it.
    /// </summary>
    public IEnumerable<(JsonObject Item, string At)>? Objects(
        JsonObject obj, string name, string path, bool required, int minItems, int maxItems, params string[] allowed)
    {
        var array = Array(obj, name, path, required, minItems, maxItems);
        return array is null ? null : Each(array, Child(path, name), allowed);
    }

    /// <summary>An array of strings; bad items are reported by index.</summary>
    public IReadOnlyList<string>? StringArray(JsonObject obj, string name, string path, bool required, int minItems = 0, int maxItems = int.MaxValue)
    {
        var array = Array(obj, name, path, required, minItems, maxItems);
        if (array is null)
        {
            return null;
        }

        var result = new List<string>();
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Length > 0)
            {
                result.Add(v.GetValue<string>());
            }
            else
            {
                Add(Item(Child(path, name), i), "must be a non-empty string");
            }
        }

        return result;
    }

    public static bool IsUuid(string? value) => Guid.TryParseExact(value, "D", out _);

    /// <summary>The property as a <typeparamref name="T"/>; absent (reported when required) or of another kind (reported) is null.</summary>
    private T? Node<T>(JsonObject obj, string name, string path, bool required, string wrongKind)
        where T : JsonNode
    {
        if (!obj.TryGetPropertyValue(name, out var node) || node is null)
        {
            if (required)
            {
                Add(Child(path, name), "is required");
            }

            return null;
        }

        if (node is not T typed)
        {
            Add(Child(path, name), wrongKind);
            return null;
        }

        return typed;
    }

    private IEnumerable<(JsonObject Item, string At)> Each(JsonArray array, string path, string[] allowed)
    {
        for (var i = 0; i < array.Count; i++)
        {
            var at = Item(path, i);
            if (array[i] is not JsonObject item)
            {
                Add(at, "must be an object");
                continue;
            }

            Closed(item, at, allowed);
            yield return (item, at);
        }
    }
}
