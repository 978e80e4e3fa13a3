using System.Runtime.CompilerServices;
using MathNet.Numerics;
using RfFingerprint.Sdr.Streaming;
using RfFingerprint.Simulation.Randomness;

namespace RfFingerprint.Simulation;

/// <summary>
/// The simulator as a live <see cref="IIqSource"/>: renders a traffic list burst by burst (a noise gap, then
/// the burst) as one contiguous stream, without files. Same options and bursts give the same samples as
/// <see cref="SimulationRunner.RenderTraffic"/>, but back to back (no virtual minutes between bursts).
/// </summary>
/// <remarks>Memory: one rendered segment and one block at a time. Ground truth of each burst appears in
/// <see cref="RenderedBursts"/> before its first sample is handed out.</remarks>
public sealed class SimulatedTrafficSource : IIqSource
{
    private readonly SimulationOptions _options;
    private readonly IReadOnlyList<TrafficBurst> _bursts;
    private readonly int _blockSamples;
    private readonly List<(long SampleStart, BurstTruth Truth)> _rendered = [];

    /// <summary>Creates the source.</summary>
    /// <exception cref="ArgumentException">Invalid options, an empty burst list, or a block size that is not positive.</exception>
    public SimulatedTrafficSource(SimulationOptions options, IReadOnlyList<TrafficBurst> bursts, int blockSamples = 1 << 16)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(bursts);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(blockSamples);
        if (bursts.Count == 0)
        {
            throw new ArgumentException("Traffic needs at least one burst.", nameof(bursts));
        }

        _options = options.Validate();
        _bursts = bursts;
        _blockSamples = blockSamples;
        Info = new IqStreamInfo(options.SampleRateHz, options.CarrierHz, $"simulator (seed {options.Seed}, session {options.Session}, {bursts.Count} bursts)", options.StartTimeUtc);
    }

    /// <inheritdoc/>
    public IqStreamInfo Info { get; }

    /// <summary>Stream index of each burst's first sample and its ground truth, in the order rendered so far.</summary>
    public IReadOnlyList<(long SampleStart, BurstTruth Truth)> RenderedBursts => _rendered;

    /// <inheritdoc/>
    public async IAsyncEnumerable<IqBlock> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var population = new DevicePopulation(_options.Seed);
        var receiver = _options.Receiver ?? population.Receiver(_options.CarrierHz);
        var renderer = new BurstRenderer(_options, receiver, SessionEnvironment.Draw(_options.Session));
        ulong trafficSession = SeedTree.Derive(_options.Session, "traffic");
        var (_, plans) = SimulationRunner.PlanTraffic(_options, _bursts, population, trafficSession);
        long index = 0;
        foreach (var plan in plans)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var segment = renderer.Render(plan(index / _options.SampleRateHz, index));
            _rendered.Add((index + segment.BurstOffset, segment.Truth));
            for (int offset = 0; offset < segment.Samples.Length; offset += _blockSamples)
            {
                int n = Math.Min(_blockSamples, segment.Samples.Length - offset);
                yield return new IqBlock(segment.Samples.AsMemory(offset, n), index, Info.StartTimeUtc!.Value.AddSeconds(index / _options.SampleRateHz));
                index += n;
            }

            // Rendering is CPU-bound; yield so a consumer on the same context stays responsive.
            await Task.Yield();
        }
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
