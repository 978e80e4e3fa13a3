using System.Text.Json;

namespace RfFingerprint.Cli.Tests.TestSupport;

/// <summary>Reads what a <c>--jsonl</c> run printed: every non-empty line must be one JSON object.</summary>
internal static class JsonLines
{
    public static IReadOnlyList<JsonElement> Parse(string output) =>
        [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line =>
            {
                using var document = JsonDocument.Parse(line);
                Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
                return document.RootElement.Clone();
            })];

    public static string? Text(this JsonElement element, string name) =>
        element.GetProperty(name).ValueKind == JsonValueKind.Null ? null : element.GetProperty(name).GetString();
}
