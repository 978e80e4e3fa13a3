using System.Diagnostics;
using System.Runtime.CompilerServices;
using MathNet.Numerics;

namespace RfFingerprint.Sdr.Streaming;

/// <summary>
/// A fast stand-in for a radio: noise with bursts from a fixed set dropped in at a given occupancy, delivered at a
/// fixed wall-clock rate. Samples are copied from precomputed waveforms (a noise loop and the bursts), so the source
/// itself costs one copy per sample and a 25 MS/s stream leaves the CPU to the consumer.
/// </summary>
/// <remarks>
/// Like a radio, it never waits for its consumer beyond its own schedule: when delivery falls more than
/// <see cref="SyntheticBurstSourceOptions.MaxLagSeconds"/> behind the clock, it skips ahead and reports the skipped
/// samples in <see cref="IqBlock.SamplesLostBefore"/> (and in <see cref="SamplesSkipped"/>). Gap lengths are drawn
/// uniformly from 0.5 to 1.5 times the mean gap that gives the occupancy, so bursts never line up with blocks. The
/// block's memory is reused: it is valid until the next block is requested. One reader at a time.
/// </remarks>
public sealed class SyntheticBurstSource : IIqSource
{
    /// <summary>Length of the precomputed noise loop (a prime, so it does not line up with blocks either).</summary>
    private const int NoiseLoopSamples = 1_048_573;

    private readonly SyntheticBurstSourceOptions _options;
    private readonly Complex32[] _noise;
    private readonly double _meanBurstSamples;
    private long _burstsStarted;
    private long _samplesDelivered;
    private long _samplesSkipped;

    /// <summary>Creates the source and precomputes its noise loop.</summary>
    /// <exception cref="ArgumentException">Invalid options (see <see cref="SyntheticBurstSourceOptions.Validate"/>).</exception>
    public SyntheticBurstSource(SyntheticBurstSourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Validate();
        _noise = new Complex32[NoiseLoopSamples];
        var random = new Random(options.Seed);
        // Complex Gaussian noise of total RMS NoiseRms: each component has standard deviation NoiseRms / sqrt(2).
        var sigma = options.NoiseRms / Math.Sqrt(2);
        for (var i = 0; i < _noise.Length; i++)
        {
            var radius = sigma * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble()));
            var angle = 2 * Math.PI * random.NextDouble();
            _noise[i] = new Complex32((float)(radius * Math.Cos(angle)), (float)(radius * Math.Sin(angle)));
        }

        _meanBurstSamples = options.Bursts.Average(b => b.Length);
        Info = new IqStreamInfo(options.SampleRateHz, options.CenterFrequencyHz,
            $"synthetic ({options.Bursts.Count} bursts, {options.Occupancy:P0} occupancy)", DateTimeOffset.UtcNow);
    }

    /// <inheritdoc/>
    public IqStreamInfo Info { get; }

    /// <summary>Bursts whose first sample was delivered or skipped so far.</summary>
    public long BurstsStarted => Interlocked.Read(ref _burstsStarted);

    /// <summary>Samples delivered so far.</summary>
    public long SamplesDelivered => Interlocked.Read(ref _samplesDelivered);

    /// <summary>Samples skipped because delivery fell behind the clock.</summary>
    public long SamplesSkipped => Interlocked.Read(ref _samplesSkipped);

    /// <inheritdoc/>
    public async IAsyncEnumerable<IqBlock> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var random = new Random(_options.Seed + 1);
        var block = new Complex32[_options.BlockSamples];
        var meanGap = _meanBurstSamples * (1 - _options.Occupancy) / _options.Occupancy;
        long gapLeft = DrawGap(random, meanGap);
        Complex32[]? burst = null;
        var burstOffset = 0;
        var noiseOffset = 0;
        long index = 0;
        var clock = Stopwatch.StartNew();
        while (_options.TotalSamples is not { } total || index < total)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var length = (int)Math.Min(block.Length, (_options.TotalSamples ?? long.MaxValue) - index);
            long lost = 0;
            if (_options.DeliveryRateSamplesPerSecond is { } rate)
            {
                var behindSeconds = clock.Elapsed.TotalSeconds - (index / rate);
                if (behindSeconds > _options.MaxLagSeconds)
                {
                    // An overflowing radio loses what it could not deliver; the stream resumes on schedule.
                    lost = (long)(behindSeconds * rate);
                    if (_options.TotalSamples is { } end)
                    {
                        lost = Math.Min(lost, end - index);
                    }

                    Skip(lost, random, meanGap, ref gapLeft, ref burst, ref burstOffset);
                    index += lost;
                    Interlocked.Add(ref _samplesSkipped, lost);
                    length = (int)Math.Min(length, (_options.TotalSamples ?? long.MaxValue) - index);
                    if (length == 0)
                    {
                        break;
                    }
                }
                else if (behindSeconds < -0.001)
                {
                    await Task.Delay(TimeSpan.FromSeconds(-behindSeconds), cancellationToken);
                }
            }

            Fill(block.AsSpan(0, length), random, meanGap, ref gapLeft, ref burst, ref burstOffset, ref noiseOffset);
            yield return new IqBlock(block.AsMemory(0, length), index, Info.StartTimeUtc!.Value.AddSeconds(index / _options.SampleRateHz), lost);
            index += length;
            Interlocked.Add(ref _samplesDelivered, length);
        }
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static long DrawGap(Random random, double meanGap) => (long)(meanGap * (0.5 + random.NextDouble()));

    private void Fill(Span<Complex32> destination, Random random, double meanGap, ref long gapLeft, ref Complex32[]? burst, ref int burstOffset, ref int noiseOffset)
    {
        while (!destination.IsEmpty)
        {
            if (burst is null)
            {
                if (gapLeft == 0)
                {
                    burst = StartBurst(random);
                    burstOffset = 0;
                    continue;
                }

                var count = (int)Math.Min(Math.Min(gapLeft, destination.Length), _noise.Length - noiseOffset);
                _noise.AsSpan(noiseOffset, count).CopyTo(destination);
                noiseOffset = (noiseOffset + count) % _noise.Length;
                gapLeft -= count;
                destination = destination[count..];
            }
            else
            {
                var count = Math.Min(burst.Length - burstOffset, destination.Length);
                burst.AsSpan(burstOffset, count).CopyTo(destination);
                burstOffset += count;
                destination = destination[count..];
                if (burstOffset == burst.Length)
                {
                    burst = null;
                    gapLeft = DrawGap(random, meanGap);
                }
            }
        }
    }

    private void Skip(long samples, Random random, double meanGap, ref long gapLeft, ref Complex32[]? burst, ref int burstOffset)
    {
        while (samples > 0)
        {
            if (burst is null)
            {
                if (gapLeft == 0)
                {
                    burst = StartBurst(random);
                    burstOffset = 0;
                    continue;
                }

                var count = Math.Min(gapLeft, samples);
                gapLeft -= count;
                samples -= count;
            }
            else
            {
                var count = (int)Math.Min(burst.Length - burstOffset, samples);
                burstOffset += count;
                samples -= count;
                if (burstOffset == burst.Length)
                {
                    burst = null;
                    gapLeft = DrawGap(random, meanGap);
                }
            }
        }
    }

    private Complex32[] StartBurst(Random random)
    {
        Interlocked.Increment(ref _burstsStarted);
        return _options.Bursts[random.Next(_options.Bursts.Count)];
    }
}
