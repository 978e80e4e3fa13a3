using MathNet.Numerics;

namespace RfFingerprint.Sdr.Streaming;

/// <summary>
/// A block of consecutive complex baseband samples from an <see cref="IIqSource"/>.
/// </summary>
/// <remarks>
/// The sample memory belongs to the source and is only valid until the consumer asks for the next
/// block: sources reuse their buffers so that an endless stream allocates nothing per block.
/// A consumer that needs samples longer copies them.
/// </remarks>
/// <param name="Samples">The samples, in stream order.</param>
/// <param name="FirstSampleIndex">Absolute index of <c>Samples[0]</c> since the stream started, gaps included.</param>
/// <param name="FirstSampleTimeUtc">UTC time of <c>Samples[0]</c>, when the source knows it.</param>
/// <param name="SamplesLostBefore">Samples the source had to drop immediately before this block (overflow or gap); 0 when contiguous.</param>
public readonly record struct IqBlock(
    ReadOnlyMemory<Complex32> Samples,
    long FirstSampleIndex,
    DateTimeOffset? FirstSampleTimeUtc,
    long SamplesLostBefore = 0);
