using MathNet.Numerics;
using RfFingerprint.Lora;
using RfFingerprint.Lora.Modulation;
using RfFingerprint.Sdr.SigMF;

namespace RfFingerprint.Cli.Tests.TestSupport;

/// <summary>Small SigMF recordings written for a test: a LoRa frame in seeded noise, optionally shifted in frequency.</summary>
internal static class TestRecordings
{
    /// <summary>The public LoRaWAN example: Unconfirmed Data Up, DevAddr 49BE7DF1, FCnt 2, FPort 1.</summary>
    public const string ExamplePayloadHex = "40F17DBE4900020001954378762B11FF0D";

    public const double SampleRateHz = 1_000_000;

    /// <summary>
    /// Writes <paramref name="payload"/> modulated at SF7 / 125 kHz / 1 MS/s, shifted by <paramref name="cfoHz"/>,
    /// between 20 ms of noise on either side (in-band SNR about 30 dB), keeping the first
    /// <paramref name="keepFraction"/> of the frame only (1 = whole frame, less = cut off by the end of the file).
    /// </summary>
    /// <remarks>With <paramref name="nonFiniteSamples"/> &gt; 0, that many samples of the leading noise are NaN.</remarks>
    public static string WriteFrame(string path, byte[] payload, double cfoHz, double keepFraction = 1, double sampleRateHz = SampleRateHz,
        int nonFiniteSamples = 0, int seed = 1)
    {
        var frame = new LoraModulator(new LoraParameters { SampleRateHz = SampleRateHz }).Modulate(payload);
        var lead = (int)(0.02 * SampleRateHz);
        var kept = (int)(frame.Length * keepFraction);
        var tail = keepFraction >= 1 ? lead : 0;
        var samples = new Complex32[lead + kept + tail];
        var random = new Random(seed);
        // Unit-amplitude signal; noise of 2 sigma^2 per complex sample spreads over 1 MHz, 1/8 of it in the 125 kHz
        // band: in-band SNR = 8 / (2 sigma^2) = 30 dB for sigma = 0.063.
        const double noiseStd = 0.063;
        for (var i = 0; i < samples.Length; i++)
            samples[i] = new Complex32((float)(noiseStd * Gaussian(random)), (float)(noiseStd * Gaussian(random)));
        for (var n = 0; n < kept; n++)
        {
            var phase = 2 * Math.PI * cfoHz * n / SampleRateHz;
            var rotation = new Complex32((float)Math.Cos(phase), (float)Math.Sin(phase));
            samples[lead + n] += frame[n] * rotation;
        }

        samples.AsSpan(100, nonFiniteSamples).Fill(new Complex32(float.NaN, float.NaN));
        return SigMFRecordingWriter.Write(path, new SigMFGlobal { Datatype = SigMFDatatype.Cf32Le, SampleRateHz = sampleRateHz }, samples);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
