namespace RfFingerprint.Fingerprinting.Features;

/// <summary>How a complex STFT value z (or ratio Q) becomes a real feature.</summary>
public enum AmplitudeScaling
{
    /// <summary>log10(|z|^2 + floor); for the channel-independent kind log10((|S[m+1]|^2 + floor) / (|S[m]|^2 + floor)).</summary>
    LogPower,

    /// <summary>|z|; for the channel-independent kind |S[m+1]| / (|S[m]| + sqrt(floor)).</summary>
    Linear,
}
