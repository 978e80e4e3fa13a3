using MathNet.Numerics;
using RfFingerprint.Lora.Modulation;

namespace RfFingerprint.Lora.Evaluation;

/// <summary>Builds a test stream: LoRa frames with random CFO, fractional delay and phase, separated by gaps, in AWGN.</summary>
/// <remarks>
/// Unit-amplitude frames; noise variance σ² = (fs / BW) / SNR so that the noise power inside the bandwidth is 1/SNR.
/// The fractional delay uses a 41-tap Kaiser-windowed sinc, accurate for the band-limited chirp when fs ≥ 2·BW.
/// Gaps are uniform in [0.5, 1.5] × the mean gap that yields the requested occupancy.
/// </remarks>
public static class BurstStreamGenerator
{
    private const int DelayTaps = 41;

    /// <summary>Generates the stream and its ground truth.</summary>
    /// <exception cref="ArgumentException">Invalid parameters, occupancy outside (0, 1] or a negative frame count.</exception>
    public static (Complex32[] Samples, GeneratedFrame[] Frames) Generate(StreamScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var p = scenario.Parameters.Validate();
        if (!(scenario.Occupancy is > 0 and <= 1))
        {
            throw new ArgumentException("Occupancy must be in (0, 1].", nameof(scenario));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(scenario.FrameCount);
        var random = new Random(scenario.Seed);
        var modulator = new LoraModulator(p);
        var payloads = new byte[scenario.FrameCount][];
        var waveforms = new Complex32[scenario.FrameCount][];
        for (var i = 0; i < scenario.FrameCount; i++)
        {
            payloads[i] = new byte[scenario.PayloadLength];
            random.NextBytes(payloads[i]);
            waveforms[i] = modulator.Modulate(payloads[i]);
        }

        var frameLength = waveforms.Length > 0 ? waveforms[0].Length + DelayTaps : 0;
        var meanGap = frameLength * (1 - scenario.Occupancy) / scenario.Occupancy;
        var gaps = new int[scenario.FrameCount + 1];
        long total = 0;
        for (var i = 0; i <= scenario.FrameCount; i++)
        {
            gaps[i] = (int)(meanGap * (0.5 + random.NextDouble())) + (i == 0 ? p.SamplesPerSymbol : 0);
            total += gaps[i] + (i < scenario.FrameCount ? waveforms[i].Length + DelayTaps : 0);
        }

        var samples = new Complex32[checked((int)total)];
        var frames = new GeneratedFrame[scenario.FrameCount];
        long position = 0;
        var kernel = new double[DelayTaps];
        for (var i = 0; i < scenario.FrameCount; i++)
        {
            position += gaps[i];
            var delay = random.NextDouble();
            var cfoHz = (2 * random.NextDouble() - 1) * scenario.MaxCfoHz;
            var phase = 2 * Math.PI * random.NextDouble();
            FractionalDelayKernel(delay, kernel);
            var center = (DelayTaps - 1) / 2;
            var waveform = waveforms[i];
            var length = waveform.Length + DelayTaps;
            for (var n = 0; n < length; n++)
            {
                // Output n is the waveform at time n - center - delay.
                double re = 0, im = 0;
                for (var k = 0; k < DelayTaps; k++)
                {
                    var index = n - k;
                    if (index >= 0 && index < waveform.Length)
                    {
                        re += kernel[k] * waveform[index].Real;
                        im += kernel[k] * waveform[index].Imaginary;
                    }
                }

                var angle = (2 * Math.PI * cfoHz * (n - center - delay) / p.SampleRateHz) + phase;
                var (sin, cos) = Math.SinCos(angle);
                samples[position + n] = new Complex32((float)((re * cos) - (im * sin)), (float)((re * sin) + (im * cos)));
            }

            frames[i] = new GeneratedFrame(position + center + delay, p.SpreadingFactor, cfoHz, payloads[i]);
            position += length;
        }

        if (scenario.SnrDb is { } snrDb)
        {
            AddNoise(samples, p.SampleRateHz / p.BandwidthHz / Math.Pow(10, snrDb / 10), random);
        }

        return (samples, frames);
    }

    /// <summary>Adds complex white Gaussian noise of total variance <paramref name="variance"/> (half per component).</summary>
    public static void AddNoise(Span<Complex32> samples, double variance, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var sigma = Math.Sqrt(variance / 2);
        for (var n = 0; n < samples.Length; n++)
        {
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            var r = sigma * Math.Sqrt(-2 * Math.Log(u1));
            var (s, c) = Math.SinCos(2 * Math.PI * u2);
            samples[n] += new Complex32((float)(r * c), (float)(r * s));
        }
    }

    private static void FractionalDelayKernel(double delay, double[] kernel)
    {
        var center = (kernel.Length - 1) / 2;
        var sum = 0.0;
        for (var k = 0; k < kernel.Length; k++)
        {
            var x = k - center - delay;
            var sinc = Math.Abs(x) < 1e-12 ? 1 : Math.Sin(Math.PI * x) / (Math.PI * x);
            var r = x / (center + 1);
            var window = Math.Abs(r) >= 1 ? 0 : SpecialFunctions.BesselI0(6 * Math.Sqrt(1 - (r * r))) / SpecialFunctions.BesselI0(6);
            kernel[k] = sinc * window;
            sum += kernel[k];
        }

        for (var k = 0; k < kernel.Length; k++)
        {
            kernel[k] /= sum;
        }
    }
}
