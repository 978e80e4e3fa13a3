namespace RfFingerprint.Fingerprinting.Features;

/// <summary>Normalisation of the preamble before the STFT.</summary>
public enum InputNormalization
{
    /// <summary>Samples are used as received (amplitude depends on gain and distance).</summary>
    None,

    /// <summary>Samples are divided by their RMS amplitude sqrt(mean |x[n]|^2), so the burst has unit average power.</summary>
    RmsAmplitude,
}
