using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RfFingerprint.Sdr.SigMF;

/// <summary>Parses <c>.sigmf-meta</c> JSON into <see cref="SigMFMetadata"/>, checking types field by field.</summary>
internal sealed class SigMFMetadataReader
{
    private static readonly HashSet<string> GlobalKeys =
    [
        SigMFKeys.Datatype, SigMFKeys.Version, SigMFKeys.SampleRate, SigMFKeys.NumChannels, SigMFKeys.Sha512,
        SigMFKeys.Description, SigMFKeys.Author, SigMFKeys.Hardware, SigMFKeys.Recorder, SigMFKeys.License,
        SigMFKeys.TrailingBytes, SigMFKeys.Extensions,
    ];

    private static readonly HashSet<string> CaptureKeys =
        [SigMFKeys.SampleStart, SigMFKeys.Frequency, SigMFKeys.DateTime, SigMFKeys.GlobalIndex];

    private static readonly HashSet<string> AnnotationKeys =
    [
        SigMFKeys.SampleStart, SigMFKeys.SampleCount, SigMFKeys.FreqLowerEdge, SigMFKeys.FreqUpperEdge,
        SigMFKeys.Label, SigMFKeys.Comment, SigMFKeys.Generator,
    ];

    private readonly string _file;

    private SigMFMetadataReader(string file) => _file = file;

    public static SigMFMetadata Read(ReadOnlySpan<byte> utf8Json, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(sourceName);
        return new SigMFMetadataReader(sourceName).ReadDocument(utf8Json);
    }

    private SigMFMetadata ReadDocument(ReadOnlySpan<byte> utf8Json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(utf8Json, documentOptions: new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            throw new SigMFFormatException(_file, null, $"malformed JSON ({ex.Message})", ex);
        }

        var top = AsObject(root, "(root)");
        var global = ReadGlobal(AsObject(Require(top, SigMFKeys.Global, "(root)"), SigMFKeys.Global));

        var captures = new List<SigMFCapture>();
        var capturesArray = AsArray(Require(top, SigMFKeys.Captures, "(root)"), SigMFKeys.Captures);
        for (int i = 0; i < capturesArray.Count; i++)
        {
            string path = $"{SigMFKeys.Captures}[{i}]";
            var capture = ReadCapture(AsObject(capturesArray[i], path), path);
            if (captures.Count > 0 && capture.SampleStart <= captures[^1].SampleStart)
            {
                throw new SigMFFormatException(_file, $"{path}.{SigMFKeys.SampleStart}",
                    $"captures must be sorted by sample start with no duplicates ({capture.SampleStart} follows {captures[^1].SampleStart})");
            }

            captures.Add(capture);
        }

        var annotations = new List<SigMFAnnotation>();
        if (top[SigMFKeys.Annotations] is { } annotationsNode)
        {
            var annotationsArray = AsArray(annotationsNode, SigMFKeys.Annotations);
            for (int i = 0; i < annotationsArray.Count; i++)
            {
                string path = $"{SigMFKeys.Annotations}[{i}]";
                annotations.Add(ReadAnnotation(AsObject(annotationsArray[i], path), path));
            }
        }
        else
        {
            throw new SigMFFormatException(_file, SigMFKeys.Annotations, "required field is missing");
        }

        // Some tools append annotations out of order; sorting is harmless and keeps the schema's invariant.
        var sorted = annotations.OrderBy(a => a.SampleStart).ToList();
        return new SigMFMetadata { Global = global, Captures = captures, Annotations = sorted };
    }

    private SigMFGlobal ReadGlobal(JsonObject obj)
    {
        const string P = SigMFKeys.Global;
        string datatypeName = RequireString(obj, SigMFKeys.Datatype, P);
        if (!SigMFDatatype.TryParse(datatypeName, out var datatype))
        {
            throw new SigMFFormatException(_file, $"{P}.{SigMFKeys.Datatype}",
                $"unsupported datatype '{datatypeName}' (supported: {string.Join(", ", SigMFDatatype.All.Select(d => d.Name))})");
        }

        int? channels = OptionalLong(obj, SigMFKeys.NumChannels, P) is { } c ? (int)Math.Min(c, int.MaxValue) : null;
        if (channels is not null and not 1)
        {
            throw new SigMFFormatException(_file, $"{P}.{SigMFKeys.NumChannels}", $"only single-channel recordings are supported (found {channels})");
        }

        double? sampleRate = OptionalDouble(obj, SigMFKeys.SampleRate, P);
        if (sampleRate is { } rate && !(rate > 0 && double.IsFinite(rate)))
        {
            throw new SigMFFormatException(_file, $"{P}.{SigMFKeys.SampleRate}", $"must be a positive number (found {rate})");
        }

        string? sha = OptionalString(obj, SigMFKeys.Sha512, P);
        if (sha is not null && (sha.Length != 128 || !sha.All(char.IsAsciiHexDigit)))
        {
            throw new SigMFFormatException(_file, $"{P}.{SigMFKeys.Sha512}", "must be 128 hexadecimal digits");
        }

        return new SigMFGlobal
        {
            Datatype = datatype,
            Version = RequireString(obj, SigMFKeys.Version, P),
            SampleRateHz = sampleRate,
            NumChannels = channels,
            Sha512 = sha?.ToLowerInvariant(),
            Description = OptionalString(obj, SigMFKeys.Description, P),
            Author = OptionalString(obj, SigMFKeys.Author, P),
            Hardware = OptionalString(obj, SigMFKeys.Hardware, P),
            Recorder = OptionalString(obj, SigMFKeys.Recorder, P),
            License = OptionalString(obj, SigMFKeys.License, P),
            TrailingBytes = OptionalLong(obj, SigMFKeys.TrailingBytes, P),
            Extensions = ReadExtensions(obj),
            Fields = Others(obj, GlobalKeys),
        };
    }

    private List<SigMFExtension> ReadExtensions(JsonObject global)
    {
        var result = new List<SigMFExtension>();
        if (global[SigMFKeys.Extensions] is not { } node)
        {
            return result;
        }

        string listPath = $"{SigMFKeys.Global}.{SigMFKeys.Extensions}";
        var array = AsArray(node, listPath);
        for (int i = 0; i < array.Count; i++)
        {
            string path = $"{listPath}[{i}]";
            var entry = AsObject(array[i], path);
            result.Add(new SigMFExtension(
                RequireString(entry, SigMFKeys.ExtensionName, path),
                RequireString(entry, SigMFKeys.ExtensionVersion, path),
                OptionalBool(entry, SigMFKeys.ExtensionOptional, path) ?? true));
        }

        return result;
    }

    private SigMFCapture ReadCapture(JsonObject obj, string path)
    {
        if (OptionalLong(obj, SigMFKeys.HeaderBytes, path) is > 0)
        {
            throw new SigMFFormatException(_file, $"{path}.{SigMFKeys.HeaderBytes}", "non-conforming datasets with header bytes are not supported");
        }

        return new SigMFCapture
        {
            SampleStart = RequireLong(obj, SigMFKeys.SampleStart, path),
            FrequencyHz = OptionalDouble(obj, SigMFKeys.Frequency, path),
            DateTimeUtc = OptionalDateTime(obj, SigMFKeys.DateTime, path),
            GlobalIndex = OptionalLong(obj, SigMFKeys.GlobalIndex, path),
            Fields = Others(obj, CaptureKeys),
        };
    }

    private SigMFAnnotation ReadAnnotation(JsonObject obj, string path)
    {
        double? lower = OptionalDouble(obj, SigMFKeys.FreqLowerEdge, path);
        double? upper = OptionalDouble(obj, SigMFKeys.FreqUpperEdge, path);
        if (lower.HasValue != upper.HasValue)
        {
            string missing = lower.HasValue ? SigMFKeys.FreqUpperEdge : SigMFKeys.FreqLowerEdge;
            throw new SigMFFormatException(_file, $"{path}.{missing}", "frequency edges must be given both or neither");
        }

        return new SigMFAnnotation
        {
            SampleStart = RequireLong(obj, SigMFKeys.SampleStart, path),
            SampleCount = OptionalLong(obj, SigMFKeys.SampleCount, path),
            FreqLowerEdgeHz = lower,
            FreqUpperEdgeHz = upper,
            Label = OptionalString(obj, SigMFKeys.Label, path),
            Comment = OptionalString(obj, SigMFKeys.Comment, path),
            Generator = OptionalString(obj, SigMFKeys.Generator, path),
            Fields = Others(obj, AnnotationKeys),
        };
    }

    private static Dictionary<string, JsonNode?> Others(JsonObject obj, HashSet<string> modelled)
    {
        var fields = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (key, value) in obj)
        {
            if (!modelled.Contains(key))
            {
                fields[key] = value?.DeepClone();
            }
        }

        return fields;
    }

    private JsonObject AsObject(JsonNode? node, string path) =>
        node as JsonObject ?? throw new SigMFFormatException(_file, path, $"must be a JSON object (found {KindOf(node)})");

    private JsonArray AsArray(JsonNode? node, string path) =>
        node as JsonArray ?? throw new SigMFFormatException(_file, path, $"must be a JSON array (found {KindOf(node)})");

    private JsonNode Require(JsonObject obj, string key, string path) =>
        obj[key] ?? throw new SigMFFormatException(_file, path == "(root)" ? key : $"{path}.{key}", "required field is missing");

    private string RequireString(JsonObject obj, string key, string path) =>
        OptionalString(obj, key, path) ?? throw new SigMFFormatException(_file, $"{path}.{key}", "required field is missing");

    private long RequireLong(JsonObject obj, string key, string path) =>
        OptionalLong(obj, key, path) ?? throw new SigMFFormatException(_file, $"{path}.{key}", "required field is missing");

    private string? OptionalString(JsonObject obj, string key, string path)
    {
        var node = obj[key];
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            return value.GetValue<string>();
        }

        throw new SigMFFormatException(_file, $"{path}.{key}", $"must be a string (found {KindOf(node)})");
    }

    private double? OptionalDouble(JsonObject obj, string key, string path)
    {
        var node = obj[key];
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue(out double number))
        {
            return number;
        }

        throw new SigMFFormatException(_file, $"{path}.{key}", $"must be a number (found {KindOf(node)})");
    }

    private long? OptionalLong(JsonObject obj, string key, string path)
    {
        var node = obj[key];
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue(out long number))
        {
            return number >= 0
                ? number
                : throw new SigMFFormatException(_file, $"{path}.{key}", $"must not be negative (found {number})");
        }

        throw new SigMFFormatException(_file, $"{path}.{key}", $"must be a non-negative integer (found {KindOf(node)} {node.ToJsonString()})");
    }

    private bool? OptionalBool(JsonObject obj, string key, string path)
    {
        var node = obj[key];
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetValue<bool>();
        }

        throw new SigMFFormatException(_file, $"{path}.{key}", $"must be true or false (found {KindOf(node)})");
    }

    private DateTimeOffset? OptionalDateTime(JsonObject obj, string key, string path)
    {
        string? text = OptionalString(obj, key, path);
        if (text is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time;
        }

        throw new SigMFFormatException(_file, $"{path}.{key}", $"'{text}' is not an RFC 3339 date and time");
    }

    private static string KindOf(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.Number => "number",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            _ => "value",
        },
        _ => "value",
    };
}
