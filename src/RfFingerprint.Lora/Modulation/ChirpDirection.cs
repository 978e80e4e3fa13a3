namespace RfFingerprint.Lora.Modulation;

/// <summary>Sweep direction of a chirp.</summary>
public enum ChirpDirection
{
    /// <summary>Frequency rises across the band (preamble, sync word, data).</summary>
    Up,

    /// <summary>Frequency falls across the band (start-frame delimiter).</summary>
    Down,
}
