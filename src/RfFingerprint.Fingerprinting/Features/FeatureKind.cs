namespace RfFingerprint.Fingerprinting.Features;

/// <summary>Which time-frequency representation of the preamble the model sees.</summary>
public enum FeatureKind
{
    /// <summary>STFT magnitude S[k, m], scaled as <see cref="PreprocessingParameters.Scaling"/> says; T frames.</summary>
    Stft,

    /// <summary>
    /// Channel-independent spectrogram: Q[k, m] = S[k, m + 1] / S[k, m]; a channel response that is constant over
    /// two adjacent windows cancels in the ratio. T - 1 frames.
    /// </summary>
    ChannelIndependent,
}
