namespace RfFingerprint.Pipeline;

/// <summary>How the chain's stages are sized. Bound from the <c>Pipeline</c> configuration section.</summary>
public sealed class PipelineOptions
{
    public const string SectionName = "Pipeline";

    /// <summary>Bursts per model call: larger batches amortise the runtime's per-call cost, smaller ones cut latency.</summary>
    public int BatchSize { get; set; } = 32;

    /// <summary>Bursts that may wait between two stages; a full queue makes the upstream stage wait (or a live source drop).</summary>
    public int QueueCapacity { get; set; } = 256;

    /// <summary>Threads computing spectrograms within a batch.</summary>
    public int Threads { get; set; } = Environment.ProcessorCount;

    /// <summary>
    /// Recordings a multi-recording replay keeps going at once. The LoRa receiver is sequential within a stream, so
    /// receiving the next recordings while the current one is consumed is what keeps every core busy; each one in
    /// flight holds at most two queues of <see cref="QueueCapacity"/> bursts.
    /// </summary>
    public int ParallelCaptures { get; set; } = Environment.ProcessorCount;

    /// <summary>Keep each burst's feature matrix in the output (the dashboard draws it; bulk replays do not need it).</summary>
    public bool KeepFeatures { get; set; }

    /// <exception cref="ArgumentOutOfRangeException">A size is not positive.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, 1, nameof(BatchSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(QueueCapacity, 1, nameof(QueueCapacity));
        ArgumentOutOfRangeException.ThrowIfLessThan(Threads, 1, nameof(Threads));
        ArgumentOutOfRangeException.ThrowIfLessThan(ParallelCaptures, 1, nameof(ParallelCaptures));
    }
}
