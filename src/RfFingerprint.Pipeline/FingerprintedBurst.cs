namespace RfFingerprint.Pipeline;

/// <summary>A received burst with the model's output for it.</summary>
/// <param name="Received">The burst as the receiver reported it.</param>
/// <param name="ModelOutput">The model's output row (an embedding, or class probabilities); null when the burst could not be fingerprinted.</param>
/// <param name="Features">The feature matrix the model saw (frequency x time, row-major); null when not fingerprinted.</param>
/// <param name="Problem">Why the burst could not be fingerprinted (null when it was).</param>
public sealed record FingerprintedBurst(ReceivedBurst Received, float[]? ModelOutput, float[]? Features, string? Problem)
{
    /// <summary>True when the burst has a fingerprint.</summary>
    public bool HasFingerprint => ModelOutput is not null;
}
