using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace RfFingerprint.Cli.Output;

/// <summary>
/// Writes JSON Lines: exactly one compact JSON object per line, flushed as soon as it is written so a
/// consumer (<c>jq</c>, a script) sees each record while a long run is still going.
/// </summary>
/// <remarks>One buffer and one <see cref="Utf8JsonWriter"/> are reused for every record. Not thread-safe.</remarks>
internal sealed class JsonLinesWriter : IDisposable
{
    // Relaxed escaping keeps device names and free text readable; the output is never embedded in HTML.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly TextWriter _output;
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly Utf8JsonWriter _json;

    public JsonLinesWriter(TextWriter output)
    {
        _output = output;
        _json = new Utf8JsonWriter(_buffer, WriterOptions);
    }

    /// <summary>Writes one object whose properties <paramref name="writeProperties"/> adds, then a newline.</summary>
    public void WriteObject(Action<Utf8JsonWriter> writeProperties)
    {
        _buffer.ResetWrittenCount();
        _json.Reset(_buffer);
        _json.WriteStartObject();
        writeProperties(_json);
        _json.WriteEndObject();
        _json.Flush();
        _output.Write(Encoding.UTF8.GetString(_buffer.WrittenSpan));
        _output.Write('\n');
        _output.Flush();
    }

    public void Dispose() => _json.Dispose();
}
