using MathNet.Numerics;

namespace RfFingerprint.Uhd.Streaming;

/// <summary>A pooled buffer on its way from the receive thread to the consumer.</summary>
internal readonly record struct FilledBlock(
    Complex32[] Buffer,
    int Count,
    long FirstSampleIndex,
    DateTimeOffset? FirstSampleTimeUtc,
    long SamplesLostBefore);
