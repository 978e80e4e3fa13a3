using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using MathNet.Numerics;
using RfFingerprint.Lora.Dsp;
using RfFingerprint.Lora.Synchronization;

namespace RfFingerprint.Fingerprinting.Features;

/// <summary>
/// Turns a burst's aligned, raw preamble into the model's feature matrix, as <see cref="PreprocessingParameters"/> say:
/// <list type="number">
/// <item>the first <see cref="PreprocessingParameters.InputSampleCount"/> samples are CFO-compensated,
/// y[n] = x[n] exp(-j 2 pi cfoHz n / fs) (skipped when <see cref="PreprocessingParameters.CompensateCfo"/> is false);</item>
/// <item>with <see cref="PreprocessingParameters.Dechirp"/>, multiplied by the conjugate ideal up-chirp of every symbol,
/// y[n] *= exp(-j 2 pi (m^2 / (2 N O^2) - m / (2 O))) with m = n mod (N O), N = 2^SF, O = fs / BW, so an ideal chirp becomes
/// 0 Hz and the transmitter's departures from the linear sweep become frequency offsets around it;</item>
/// <item>divided by the RMS amplitude sqrt(mean |y|^2) (with <see cref="InputNormalization.RmsAmplitude"/>);</item>
/// <item>STFT with a rectangular window: S[k, m] = (1 / W) sum_{n &lt; W} y[m H + n] exp(-j 2 pi k n / N)
/// (W window, H hop, N FFT size; the 1/W scaling matches scipy.signal.stft), two-sided, fftshift-ed so row N/2 is 0 Hz;</item>
/// <item>rows BinCropStart .. BinCropStart + BinCropCount - 1 kept;</item>
/// <item>scaled: <see cref="FeatureKind.Stft"/> gives log10(|S|^2 + floor) or |S|; <see cref="FeatureKind.ChannelIndependent"/>
/// gives log10((|S[k, m+1]|^2 + floor) / (|S[k, m]|^2 + floor)) or |S[k, m+1]| / (|S[k, m]| + sqrt(floor)).</item>
/// </list>
/// The output is one contiguous row-major matrix, frequency x time: <c>destination[row * TimeFrames + frame]</c>.
/// </summary>
/// <remarks>
/// The FFT (<see cref="Radix2Fft"/>) and the dechirp reference are precomputed here; scratch is rented from <see cref="ArrayPool{T}.Shared"/> per call and returned,
/// so an extraction allocates nothing in steady state and one instance may be used from several threads at once.
/// </remarks>
public sealed class SpectrogramExtractor
{
    private readonly Radix2Fft _fft;
    private readonly Complex32[]? _dechirp;
    private readonly int _fftSize;
    private readonly int _window;
    private readonly int _hop;
    private readonly int _cropStart;
    private readonly int _bins;
    private readonly int _stftFrames;
    private readonly float _logFloor;
    private readonly float _amplitudeFloor;

    /// <summary>Configures the extractor once.</summary>
    /// <exception cref="ArgumentException">The parameters fail <see cref="PreprocessingParameters.Validate"/>.</exception>
    public SpectrogramExtractor(PreprocessingParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        parameters.Validate();
        Parameters = parameters;
        _fftSize = parameters.FftSize;
        _fft = new Radix2Fft(_fftSize);
        _dechirp = parameters.Dechirp ? ConjugateUpChirp(parameters.SamplesPerSymbol, parameters.SamplesPerSymbol >> parameters.SpreadingFactor) : null;
        _window = parameters.WindowLength;
        _hop = parameters.HopLength;
        _cropStart = parameters.BinCropStart;
        _bins = parameters.BinCropCount;
        _stftFrames = parameters.StftFrameCount;
        _logFloor = (float)parameters.LogFloor;
        _amplitudeFloor = (float)Math.Sqrt(parameters.LogFloor);
        InputSampleCount = parameters.InputSampleCount;
        FrequencyBins = parameters.FrequencyBins;
        TimeFrames = parameters.TimeFrames;
        FeatureLength = parameters.FeatureLength;
    }

    /// <summary>The parameters this extractor was configured with.</summary>
    public PreprocessingParameters Parameters { get; }

    /// <summary>Preamble samples read per burst (more may be passed; the rest is ignored).</summary>
    public int InputSampleCount { get; }

    /// <summary>Rows of the output (frequency).</summary>
    public int FrequencyBins { get; }

    /// <summary>Columns of the output (time).</summary>
    public int TimeFrames { get; }

    /// <summary>Floats written per burst: FrequencyBins * TimeFrames.</summary>
    public int FeatureLength { get; }

    /// <summary>Computes the features of one burst into <paramref name="destination"/>.</summary>
    /// <param name="preamble">The burst's preamble, aligned to the start of the first up-chirp, not CFO-compensated.</param>
    /// <param name="cfoHz">The burst's estimated carrier frequency offset, in Hz (ignored when compensation is off).</param>
    /// <param name="destination">At least <see cref="FeatureLength"/> floats; the first FeatureLength are written.</param>
    /// <exception cref="ArgumentException">The preamble is shorter than <see cref="InputSampleCount"/>, the destination
    /// shorter than <see cref="FeatureLength"/>, the CFO is not finite, or the preamble has zero or non-finite power.</exception>
    public void Extract(ReadOnlySpan<Complex32> preamble, double cfoHz, Span<float> destination)
    {
        if (preamble.Length < InputSampleCount)
            ThrowShortPreamble(preamble.Length, nameof(preamble));
        if (destination.Length < FeatureLength)
            ThrowShortDestination(destination.Length, nameof(destination));
        if (!double.IsFinite(cfoHz))
            ThrowBadCfo(cfoHz);

        bool channelIndependent = Parameters.Kind == FeatureKind.ChannelIndependent;
        int powerLength = _bins * _stftFrames;
        Complex32[] sampleBuffer = ArrayPool<Complex32>.Shared.Rent(InputSampleCount);
        float[] workBuffer = ArrayPool<float>.Shared.Rent((2 * _fftSize) + (channelIndependent ? powerLength : 0));
        try
        {
            Span<Complex32> samples = sampleBuffer.AsSpan(0, InputSampleCount);
            if (Parameters.CompensateCfo)
                CfoCompensation.Apply(preamble[..InputSampleCount], samples, cfoHz, Parameters.SampleRateHz);
            else
                preamble[..InputSampleCount].CopyTo(samples);

            float meanPower = TensorPrimitives.SumOfSquares<float>(MemoryMarshal.Cast<Complex32, float>(samples)) / InputSampleCount;
            if (!float.IsFinite(meanPower))
                ThrowBadPower(meanPower, nameof(preamble));
            float powerScale = 1f / ((float)_window * _window);
            if (Parameters.Normalization == InputNormalization.RmsAmplitude)
            {
                if (meanPower <= 0)
                    ThrowBadPower(meanPower, nameof(preamble));
                powerScale /= meanPower;
            }

            if (_dechirp is not null)
            {
                for (int start = 0; start < InputSampleCount; start += _dechirp.Length)
                {
                    Span<float> symbol = MemoryMarshal.Cast<Complex32, float>(samples.Slice(start, _dechirp.Length));
                    MultiplyComplex(symbol, MemoryMarshal.Cast<Complex32, float>(_dechirp.AsSpan()));
                }
            }

            Span<Complex32> frame = MemoryMarshal.Cast<float, Complex32>(workBuffer.AsSpan(0, 2 * _fftSize));
            Span<float> power = channelIndependent
                ? workBuffer.AsSpan(2 * _fftSize, powerLength)
                : destination[..FeatureLength];
            ComputePower(samples, frame, power, powerScale);

            if (channelIndependent)
                WriteRatios(power, destination[..FeatureLength]);
            else if (Parameters.Scaling == AmplitudeScaling.LogPower)
                ToLogPower(power);
            else
                TensorPrimitives.Sqrt<float>(power, power);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(workBuffer);
            ArrayPool<Complex32>.Shared.Return(sampleBuffer);
        }
    }

    /// <summary>Writes |S[k, m]|^2 * powerScale of the kept rows, row-major bins x STFT frames.</summary>
    private void ComputePower(ReadOnlySpan<Complex32> samples, Span<Complex32> frame, Span<float> power, float powerScale)
    {
        int half = _fftSize / 2;
        int mask = _fftSize - 1;
        ReadOnlySpan<float> spectrum = MemoryMarshal.Cast<Complex32, float>(frame);
        for (int m = 0; m < _stftFrames; m++)
        {
            samples.Slice(m * _hop, _window).CopyTo(frame);
            frame[_window..].Clear();
            _fft.Forward(frame);
            for (int row = 0; row < _bins; row++)
            {
                // fftshift of an even-length spectrum: shifted row i holds FFT bin (i + N/2) mod N.
                int k = (_cropStart + row + half) & mask;
                float re = spectrum[2 * k];
                float im = spectrum[(2 * k) + 1];
                power[(row * _stftFrames) + m] = ((re * re) + (im * im)) * powerScale;
            }
        }
    }

    /// <summary>x *= w element-wise over interleaved complex floats (re, im pairs) of equal length.</summary>
    private static void MultiplyComplex(Span<float> x, ReadOnlySpan<float> w)
    {
        for (int i = 0; i < x.Length; i += 2)
        {
            float re = (x[i] * w[i]) - (x[i + 1] * w[i + 1]);
            float im = (x[i] * w[i + 1]) + (x[i + 1] * w[i]);
            x[i] = re;
            x[i + 1] = im;
        }
    }

    /// <summary>
    /// conj of one ideal up-chirp sampled at O samples per chip: exp(-j 2 pi (m^2 / (2 N O^2) - m / (2 O))), m &lt; N O
    /// (<see cref="ReferenceChirp"/> at O = 1); the phase is reduced modulo one cycle in double precision first.
    /// </summary>
    private static Complex32[] ConjugateUpChirp(int samplesPerSymbol, int oversampling)
    {
        var reference = new Complex32[samplesPerSymbol];
        double chips = (double)samplesPerSymbol / oversampling;
        for (int m = 0; m < samplesPerSymbol; m++)
        {
            double cycles = ((double)m * m / (2.0 * chips * oversampling * oversampling)) - (m / (2.0 * oversampling));
            double radians = 2 * Math.PI * (cycles - Math.Floor(cycles));
            reference[m] = new Complex32((float)Math.Cos(radians), -(float)Math.Sin(radians));
        }

        return reference;
    }

    private void ToLogPower(Span<float> power)
    {
        TensorPrimitives.Add<float>(power, _logFloor, power);
        TensorPrimitives.Log10<float>(power, power);
    }

    /// <summary>Channel-independent columns from the power matrix: row r, column m compares frames m + 1 and m.</summary>
    private void WriteRatios(Span<float> power, Span<float> destination)
    {
        int columns = _stftFrames - 1;
        if (Parameters.Scaling == AmplitudeScaling.LogPower)
        {
            ToLogPower(power);
            for (int row = 0; row < _bins; row++)
            {
                Span<float> line = power.Slice(row * _stftFrames, _stftFrames);
                TensorPrimitives.Subtract<float>(line[1..], line[..columns], destination.Slice(row * columns, columns));
            }

            return;
        }

        TensorPrimitives.Sqrt<float>(power, power);
        for (int row = 0; row < _bins; row++)
        {
            Span<float> line = power.Slice(row * _stftFrames, _stftFrames);
            Span<float> output = destination.Slice(row * columns, columns);
            for (int m = 0; m < columns; m++)
                output[m] = line[m + 1] / (line[m] + _amplitudeFloor);
        }
    }

    [DoesNotReturn]
    private void ThrowShortPreamble(int length, string paramName) => throw new ArgumentException(
        $"The preamble has {length} samples but the spectrogram needs {InputSampleCount} " +
        $"({Parameters.PreambleSymbols} symbols of {Parameters.SamplesPerSymbol} samples).", paramName);

    [DoesNotReturn]
    private void ThrowShortDestination(int length, string paramName) => throw new ArgumentException(
        $"The destination has {length} floats but the features need {FeatureLength} ({FrequencyBins} x {TimeFrames}).", paramName);

    [DoesNotReturn]
    private static void ThrowBadCfo(double cfoHz) => throw new ArgumentException($"The CFO must be finite, got {cfoHz} Hz.", nameof(cfoHz));

    [DoesNotReturn]
    private static void ThrowBadPower(float meanPower, string paramName) => throw new ArgumentException(
        $"The preamble's mean power is {meanPower}; it must be positive and finite to normalise it.", paramName);
}
