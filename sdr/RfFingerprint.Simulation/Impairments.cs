namespace RfFingerprint.Simulation;

/// <summary>Transmitter and receiver impairments that can be switched off one by one (channel effects are in <see cref="Channel.ChannelOptions"/>).</summary>
[Flags]
public enum Impairments
{
    /// <summary>An ideal transmitter and receiver.</summary>
    None = 0,

    /// <summary>The crystal's static offset.</summary>
    CrystalOffset = 1,

    /// <summary>Warm-up drift after power-on.</summary>
    WarmupDrift = 2,

    /// <summary>Slow drift with ambient temperature.</summary>
    TemperatureDrift = 4,

    /// <summary>Carrier phase noise.</summary>
    PhaseNoise = 8,

    /// <summary>The PLL's deviation from the ideal chirp.</summary>
    PllDistortion = 16,

    /// <summary>The PA's ramp-up with AM/AM and AM/PM.</summary>
    PowerAmplifier = 32,

    /// <summary>The receiver's LO offset, IQ imbalance, DC offset and ADC quantisation.</summary>
    Receiver = 64,

    /// <summary>Everything.</summary>
    All = CrystalOffset | WarmupDrift | TemperatureDrift | PhaseNoise | PllDistortion | PowerAmplifier | Receiver,
}
