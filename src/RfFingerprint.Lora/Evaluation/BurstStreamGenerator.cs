using MathNet.Numerics;
using RfFingerprint.Lora.Modulation;

namespace RfFingerprint.Lora.Evaluation;

/// <summary>Builds a test stream: LoRa frames with random CFO, fractional delay and phase, separated by gaps, in AWGN.</summary>
/// <remarks>
/// Unit-amplitude frames; noise variance σ² = (fs / BW) / SNR so that the noise power inside the bandwidth is 1/SNR.
/// The fractional delay (and the resampling that models a sample-clock offset) uses 41-tap Kaiser-windowed sincs at 1/512
/// sample steps, accurate for the band-limited chirp when fs ≥ 2·BW.
/// Gaps are uniform in [0.5, 1.5] × the mean gap that yields the requested occupancy. The stream is produced one
/// segment (gap + frame) at a time so long scenarios need no more memory than one frame.
/// </remarks>
public sealed class BurstStreamGenerator
{
    private const int DelayTaps = 41;
    private readonly StreamScenario _scenario;
    private readonly LoraParameters _parameters;
    private readonly LoraModulator _modulator;
    private readonly Random _random;
    private const int KernelSteps = 512;
    private readonly double[]?[] _kernels = new double[KernelSteps + 1][];
    private readonly double _noiseVariance;
    private long _position;
    private int _produced;

    /// <summary>Creates a generator for <paramref name="scenario"/>.</summary>
    /// <exception cref="ArgumentException">Invalid parameters, occupancy outside (0, 1] or a negative frame count.</exception>
    public BurstStreamGenerator(StreamScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        _parameters = scenario.Parameters.Validate();
        if (!(scenario.Occupancy is > 0 and <= 1))
        {
            throw new ArgumentException("Occupancy must be in (0, 1].", nameof(scenario));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(scenario.FrameCount);
        _scenario = scenario;
        _modulator = new LoraModulator(_parameters);
        _random = new Random(scenario.Seed);
        _noiseVariance = scenario.SnrDb is { } snrDb ? _parameters.SampleRateHz / _parameters.BandwidthHz / Math.Pow(10, snrDb / 10) : 0;
    }

    /// <summary>Absolute index of the next sample to be produced.</summary>
    public long Position => _position;

    /// <summary>Whether all frames were produced.</summary>
    public bool Finished => _produced >= _scenario.FrameCount;

    /// <summary>Produces the next gap and frame (or, after the last frame, a trailing gap of one frame length); returns the samples and the frame's truth (null for the trailing gap).</summary>
    public (Complex32[] Samples, GeneratedFrame? Frame) NextSegment()
    {
        var payload = new byte[_scenario.PayloadLength];
        _random.NextBytes(payload);
        var waveform = _modulator.Modulate(payload);
        var frameLength = waveform.Length + DelayTaps;
        var meanGap = frameLength * (1 - _scenario.Occupancy) / _scenario.Occupancy;
        var gap = (int)(meanGap * (0.5 + _random.NextDouble())) + (_produced == 0 ? _parameters.SamplesPerSymbol : 0);
        if (Finished)
        {
            var tail = new Complex32[Math.Max(gap, frameLength)];
            AddNoise(tail, _noiseVariance, _random);
            _position += tail.Length;
            return (tail, null);
        }

        var clockRatio = 1 + (_scenario.SampleClockOffsetPpm * 1e-6);
        frameLength = (int)Math.Ceiling(waveform.Length / clockRatio) + DelayTaps;
        var samples = new Complex32[gap + frameLength];
        var delay = _random.NextDouble();
        var cfoHz = ((2 * _random.NextDouble()) - 1) * _scenario.MaxCfoHz;
        var phase = 2 * Math.PI * _random.NextDouble();
        var center = (DelayTaps - 1) / 2;
        for (var n = 0; n < frameLength; n++)
        {
            // Output n is the waveform at transmitter time (n − center − delay)·clockRatio: with kernel K_d,
            // Σ_k K_d[k]·w[m − k] = w(m − center − d), so m = i + center + 1 and d = 1 − f for time i + f.
            var time = (n - center - delay) * clockRatio;
            var whole = Math.Floor(time);
            var m = (int)whole + center + 1;
            var kernel = KernelFor(1 - (time - whole));
            double re = 0, im = 0;
            var kFirst = Math.Max(0, m - waveform.Length + 1);
            var kLast = Math.Min(DelayTaps - 1, m);
            for (var k = kFirst; k <= kLast; k++)
            {
                var x = waveform[m - k];
                re += kernel[k] * x.Real;
                im += kernel[k] * x.Imaginary;
            }

            var angle = (2 * Math.PI * cfoHz * (n - center - delay) / _parameters.SampleRateHz) + phase;
            var (sin, cos) = Math.SinCos(angle);
            samples[gap + n] = new Complex32((float)((re * cos) - (im * sin)), (float)((re * sin) + (im * cos)));
        }

        AddNoise(samples, _noiseVariance, _random);
        var frame = new GeneratedFrame(_position + gap + center + delay, _parameters.SpreadingFactor, cfoHz, payload);
        _position += samples.Length;
        _produced++;
        return (samples, frame);
    }

    /// <summary>Generates the whole stream (all frames and a trailing gap) and its ground truth.</summary>
    public static (Complex32[] Samples, GeneratedFrame[] Frames) Generate(StreamScenario scenario)
    {
        var generator = new BurstStreamGenerator(scenario);
        var segments = new List<Complex32[]>();
        var frames = new List<GeneratedFrame>();
        while (true)
        {
            var finished = generator.Finished;
            var (samples, frame) = generator.NextSegment();
            segments.Add(samples);
            if (frame is not null)
            {
                frames.Add(frame);
            }

            if (finished)
            {
                break;
            }
        }

        return ([.. segments.SelectMany(s => s)], [.. frames]);
    }

    /// <summary>Adds complex white Gaussian noise of total variance <paramref name="variance"/> (half per component).</summary>
    public static void AddNoise(Span<Complex32> samples, double variance, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (variance <= 0)
        {
            return;
        }

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

    private double[] KernelFor(double delay)
    {
        var step = (int)Math.Round(delay * KernelSteps);
        if (_kernels[step] is not { } kernel)
        {
            kernel = new double[DelayTaps];
            FractionalDelayKernel((double)step / KernelSteps, kernel);
            _kernels[step] = kernel;
        }

        return kernel;
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
