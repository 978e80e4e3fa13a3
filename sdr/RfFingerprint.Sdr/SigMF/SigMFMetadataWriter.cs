using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RfFingerprint.Sdr.SigMF;

/// <summary>Serialises <see cref="SigMFMetadata"/> to indented JSON (global, captures, annotations).</summary>
internal static class SigMFMetadataWriter
{
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true };

    public static byte[] Write(SigMFMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            WriteGlobal(writer, metadata.Global);
            writer.WriteStartArray(SigMFKeys.Captures);
            foreach (var capture in metadata.Captures)
            {
                WriteCapture(writer, capture);
            }

            writer.WriteEndArray();
            writer.WriteStartArray(SigMFKeys.Annotations);
            foreach (var annotation in metadata.Annotations)
            {
                WriteAnnotation(writer, annotation);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>RFC 3339 UTC with 100 ns resolution, as SigMF's <c>core:datetime</c> expects.</summary>
    public static string FormatDateTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static void WriteGlobal(Utf8JsonWriter writer, SigMFGlobal global)
    {
        writer.WriteStartObject(SigMFKeys.Global);
        writer.WriteString(SigMFKeys.Datatype, global.Datatype.Name);
        writer.WriteString(SigMFKeys.Version, global.Version);
        WriteOptional(writer, SigMFKeys.SampleRate, global.SampleRateHz);
        WriteOptional(writer, SigMFKeys.NumChannels, global.NumChannels);
        WriteOptional(writer, SigMFKeys.Sha512, global.Sha512);
        WriteOptional(writer, SigMFKeys.Description, global.Description);
        WriteOptional(writer, SigMFKeys.Author, global.Author);
        WriteOptional(writer, SigMFKeys.Hardware, global.Hardware);
        WriteOptional(writer, SigMFKeys.Recorder, global.Recorder);
        WriteOptional(writer, SigMFKeys.License, global.License);
        WriteOptional(writer, SigMFKeys.TrailingBytes, global.TrailingBytes);
        if (global.Extensions.Count > 0)
        {
            writer.WriteStartArray(SigMFKeys.Extensions);
            foreach (var extension in global.Extensions)
            {
                writer.WriteStartObject();
                writer.WriteString(SigMFKeys.ExtensionName, extension.Name);
                writer.WriteString(SigMFKeys.ExtensionVersion, extension.Version);
                writer.WriteBoolean(SigMFKeys.ExtensionOptional, extension.Optional);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        WriteFields(writer, global.Fields);
        writer.WriteEndObject();
    }

    private static void WriteCapture(Utf8JsonWriter writer, SigMFCapture capture)
    {
        writer.WriteStartObject();
        writer.WriteNumber(SigMFKeys.SampleStart, capture.SampleStart);
        WriteOptional(writer, SigMFKeys.Frequency, capture.FrequencyHz);
        if (capture.DateTimeUtc is { } time)
        {
            writer.WriteString(SigMFKeys.DateTime, FormatDateTime(time));
        }

        WriteOptional(writer, SigMFKeys.GlobalIndex, capture.GlobalIndex);
        WriteFields(writer, capture.Fields);
        writer.WriteEndObject();
    }

    private static void WriteAnnotation(Utf8JsonWriter writer, SigMFAnnotation annotation)
    {
        writer.WriteStartObject();
        writer.WriteNumber(SigMFKeys.SampleStart, annotation.SampleStart);
        WriteOptional(writer, SigMFKeys.SampleCount, annotation.SampleCount);
        WriteOptional(writer, SigMFKeys.FreqLowerEdge, annotation.FreqLowerEdgeHz);
        WriteOptional(writer, SigMFKeys.FreqUpperEdge, annotation.FreqUpperEdgeHz);
        WriteOptional(writer, SigMFKeys.Label, annotation.Label);
        WriteOptional(writer, SigMFKeys.Comment, annotation.Comment);
        WriteOptional(writer, SigMFKeys.Generator, annotation.Generator);
        WriteFields(writer, annotation.Fields);
        writer.WriteEndObject();
    }

    private static void WriteFields(Utf8JsonWriter writer, IReadOnlyDictionary<string, JsonNode?> fields)
    {
        // Sorted so that the same metadata always serialises to the same bytes.
        foreach (var (key, value) in fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            writer.WritePropertyName(key);
            if (value is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                value.WriteTo(writer);
            }
        }
    }

    private static void WriteOptional(Utf8JsonWriter writer, string key, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(key, value);
        }
    }

    private static void WriteOptional(Utf8JsonWriter writer, string key, double? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(key, number);
        }
    }

    private static void WriteOptional(Utf8JsonWriter writer, string key, long? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(key, number);
        }
    }
}
