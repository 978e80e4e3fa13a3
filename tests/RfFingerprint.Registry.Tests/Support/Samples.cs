using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using RfFingerprint.Registry.Entities;
using RfFingerprint.Registry.Inputs;

namespace RfFingerprint.Registry.Tests.Support;

/// <summary>Deterministic inputs for the tests.</summary>
internal static class Samples
{
    /// <summary>A fixed instant with whole microseconds (the registry's resolution).</summary>
    public static readonly DateTimeOffset T0 = new(2026, 3, 14, 12, 0, 0, TimeSpan.Zero);

    public static string Sha512Of(string text) => Convert.ToHexStringLower(SHA512.HashData(Encoding.UTF8.GetBytes(text)));

    public static string Sha256Of(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public static CaptureInfo Capture(string name) =>
        new($"captures/{name}.sigmf-data", Sha512Of(name), "sigmf", 1_000_000, 868_100_000, T0);

    public static ModelVersionInfo Model(string name, ModelKind kind = ModelKind.Embedding) =>
        new($"{name}.onnx", Sha256Of(name), kind, """{"input":[1,64,128]}""", """{"eer":0.02}""");

    public static AuthenticationEventData Event(long captureId, long sampleIndex, long? deviceId = null, string verdict = "authenticated") => new()
    {
        CaptureId = captureId,
        SampleIndex = sampleIndex,
        TimeUtc = T0.AddMilliseconds(sampleIndex / 1000.0),
        DeviceId = deviceId,
        Score = 0.9,
        Verdict = verdict,
        CfoHz = -1234.5,
        SnrDb = 12.25,
    };

    public static float[] RandomEmbeddings(int seed, int count, int dimension)
    {
        var random = new Random(seed);
        var values = new float[count * dimension];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)((random.NextDouble() * 2) - 1);
        }

        return values;
    }

    public static string Name(string prefix, int i) => prefix + i.ToString(CultureInfo.InvariantCulture);
}
