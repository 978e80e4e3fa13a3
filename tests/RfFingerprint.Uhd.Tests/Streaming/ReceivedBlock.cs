using RfFingerprint.Sdr.Streaming;
using RfFingerprint.Uhd.Tests.TestSupport;

namespace RfFingerprint.Uhd.Tests.Streaming;

/// <summary>What a test keeps of a delivered block (its memory is reused after the next read).</summary>
internal sealed record ReceivedBlock(long FirstSampleIndex, int Count, long SamplesLostBefore, DateTimeOffset? FirstSampleTimeUtc, bool SamplesMatchIndices)
{
    /// <summary>Copies the facts; the fake's sample k is (k, -k), and its clock starts at index 0, so values equal stream indices.</summary>
    public static ReceivedBlock From(IqBlock block)
    {
        var samples = block.Samples.Span;
        bool match = true;
        for (int i = 0; i < samples.Length; i++)
        {
            match &= samples[i] == FakeRxSession.ValueAt(block.FirstSampleIndex + i);
        }

        return new ReceivedBlock(block.FirstSampleIndex, samples.Length, block.SamplesLostBefore, block.FirstSampleTimeUtc, match);
    }
}
