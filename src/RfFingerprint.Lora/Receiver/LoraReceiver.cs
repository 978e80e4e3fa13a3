using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using MathNet.Numerics;
using RfFingerprint.Lora.Dsp;
using RfFingerprint.Lora.Synchronization;

namespace RfFingerprint.Lora.Receiver;

/// <summary>
/// Streaming LoRa receiver: consumes blocks of any size from an endless stream and reports every burst of the
/// configured spreading factors (detection, synchronisation, decoding), with constant memory.
/// </summary>
/// <remarks>
/// Wiring: samples are sanitised (NaN/Inf → 0, counted) into a raw history ring; a shared polyphase anti-alias
/// filter decimates them to one sample per chip into a second ring; one <see cref="FrameSynchronizer"/> per spreading
/// factor detects preambles on the decimated ring and, once synchronised, re-channelises its burst from the raw ring
/// with the burst's CFO removed. Both rings hold (PreambleSymbols + 10) symbols of the largest spreading factor.
/// Blocks are processed in chunks so a burst may straddle any number of blocks. Bad input never throws out of
/// <see cref="Process"/>: unexpected failures are caught per synchroniser, counted, and the burst in progress is
/// reported as undecodable. Bursts are delivered through the callback after the synchroniser's state is consistent,
/// so an exception thrown by the callback propagates to the caller. Not thread-safe: one receiver per stream.
/// </remarks>
public sealed class LoraReceiver
{
    private const int ChunkSamples = 4096;

    private readonly LoraReceiverOptions _options;
    private readonly FirDecimator _decimator;
    private readonly FrameSynchronizer[] _synchronizers;
    private readonly SampleRing _raw;
    private readonly SampleRing _decimated;
    private readonly Complex32[] _chunk = new Complex32[ChunkSamples];
    private readonly Complex32[] _decimatorInput;
    private readonly Complex32[] _decimatorOutput;
    private readonly int _oversampling;
    private long _nextDecimated;
    private bool _started;

    /// <summary>Creates a receiver.</summary>
    /// <exception cref="ArgumentException">The options are invalid (see <see cref="LoraReceiverOptions.Validate"/>).</exception>
    public LoraReceiver(LoraReceiverOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Validate();
        var parameters = options.ToParameters(options.SpreadingFactors.Max());
        _oversampling = parameters.Oversampling;
        _decimator = new FirDecimator(_oversampling, options.DetectionFilterTapsPerPhase);
        var channelizer = new FirDecimator(_oversampling, options.FilterTapsPerPhase);
        _synchronizers = [.. options.SpreadingFactors.Order().Select(sf => new FrameSynchronizer(options, sf, channelizer))];
        var symbols = options.PreambleSymbols + 10;
        _raw = new SampleRing((symbols * parameters.SamplesPerSymbol) + (2 * ChunkSamples) + Math.Max(_decimator.TapCount, channelizer.TapCount));
        _decimated = new SampleRing((symbols * parameters.ChipsPerSymbol) + (2 * ChunkSamples));
        var maxOutputs = (ChunkSamples / _oversampling) + 2;
        _decimatorOutput = new Complex32[maxOutputs];
        _decimatorInput = new Complex32[_decimator.InputLength(maxOutputs)];
    }

    /// <summary>Running counters.</summary>
    public LoraReceiverStatistics Statistics { get; } = new();

    /// <summary>Options in use.</summary>
    public LoraReceiverOptions Options => _options;

    /// <summary>
    /// Consumes <paramref name="block"/>, whose first sample has absolute index <paramref name="firstSampleIndex"/>, and
    /// calls <paramref name="onBurst"/> for each burst completed. A block that does not continue the previous one
    /// (gap or overlap) ends the bursts in progress as truncated and restarts the stream at the new index.
    /// </summary>
    public void Process(ReadOnlySpan<Complex32> block, long firstSampleIndex, Action<LoraBurst> onBurst)
    {
        ArgumentNullException.ThrowIfNull(onBurst);
        if (!_started)
        {
            Anchor(firstSampleIndex);
        }
        else if (firstSampleIndex != _raw.End)
        {
            Statistics.Discontinuities++;
            Flush(onBurst);
            Anchor(firstSampleIndex);
        }

        while (!block.IsEmpty)
        {
            var count = Math.Min(block.Length, ChunkSamples);
            _raw.Write(Sanitize(block[..count]));
            Statistics.Samples += count;
            block = block[count..];
            Decimate();
            foreach (var synchronizer in _synchronizers)
            {
                Run(synchronizer, onBurst);
            }
        }
    }

    /// <summary>Ends the stream: bursts already synchronised are reported as truncated (undecodable); searching restarts.</summary>
    public void Flush(Action<LoraBurst> onBurst)
    {
        ArgumentNullException.ThrowIfNull(onBurst);
        foreach (var synchronizer in _synchronizers)
        {
            var burst = synchronizer.Abort(Statistics);
            if (burst is not null)
            {
                onBurst(burst);
            }
        }
    }

    private void Run(FrameSynchronizer synchronizer, Action<LoraBurst> onBurst)
    {
        while (true)
        {
            LoraBurst? burst;
            try
            {
                burst = synchronizer.Advance(_raw, _decimated, Statistics);
            }
#pragma warning disable CA1031 // The stream loop must survive anything a hostile input provokes; the burst is reported and counted.
            catch (Exception)
#pragma warning restore CA1031
            {
                Statistics.InternalErrors++;
                burst = synchronizer.Abort(Statistics, BurstStatus.InvalidSamples);
                synchronizer.Restart(_decimated.End);
            }

            if (burst is null)
            {
                return;
            }

            onBurst(burst);
        }
    }

    private void Anchor(long firstSampleIndex)
    {
        _started = true;
        _raw.Reset(firstSampleIndex);
        _nextDecimated = CeilingDivide(firstSampleIndex + _decimator.Delay, _oversampling);
        _decimated.Reset(_nextDecimated);
        foreach (var synchronizer in _synchronizers)
        {
            synchronizer.Restart(_nextDecimated);
        }
    }

    // Returns the samples themselves when all are finite (the usual case: no copy on the way into the ring), else a
    // copy in the scratch chunk with the non-finite ones zeroed and counted.
    private ReadOnlySpan<Complex32> Sanitize(ReadOnlySpan<Complex32> samples)
    {
        if (float.IsFinite(TensorPrimitives.Sum(MemoryMarshal.Cast<Complex32, float>(samples))))
        {
            return samples;
        }

        var destination = _chunk.AsSpan(0, samples.Length);

        for (var i = 0; i < samples.Length; i++)
        {
            var x = samples[i];
            if (float.IsFinite(x.Real) && float.IsFinite(x.Imaginary))
            {
                destination[i] = x;
            }
            else
            {
                destination[i] = Complex32.Zero;
                Statistics.NonFiniteSamples++;
            }
        }

        return destination;
    }

    private void Decimate()
    {
        var delay = _decimator.Delay;
        while (true)
        {
            var last = Math.Floor((_raw.End - 1 - delay) / (double)_oversampling);
            var count = (int)Math.Min(last - _nextDecimated + 1, _decimatorOutput.Length);
            if (count <= 0)
            {
                return;
            }

            // Most chunks lie contiguously in the ring: filter them in place instead of copying them out first.
            var start = (_nextDecimated * _oversampling) - delay;
            var length = _decimator.InputLength(count);
            if (!_raw.TryGetContiguous(start, length, out var input))
            {
                var copy = _decimatorInput.AsSpan(0, length);
                _raw.CopyTo(start, copy);
                input = copy;
            }

            var output = _decimatorOutput.AsSpan(0, count);
            _decimator.Decimate(input, output);
            _decimated.Write(output);
            _nextDecimated += count;
        }
    }

    private static long CeilingDivide(long a, long b) => a >= 0 ? (a + b - 1) / b : -(-a / b);
}
