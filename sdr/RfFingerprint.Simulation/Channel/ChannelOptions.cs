namespace RfFingerprint.Simulation.Channel;

/// <summary>Which channel effects are simulated and the ranges their parameters are drawn from (per burst).</summary>
public sealed record ChannelOptions
{
    /// <summary>Defaults: multipath and Doppler on, ranges of the TIFS 2022 augmentation.</summary>
    public static ChannelOptions Default { get; } = new();

    /// <summary>A channel with no multipath and no Doppler (noise only).</summary>
    public static ChannelOptions NoiseOnly { get; } = new() { MultipathEnabled = false, DopplerEnabled = false };

    /// <summary>Rician multipath on or off.</summary>
    public bool MultipathEnabled { get; init; } = true;

    /// <summary>Doppler on the paths on or off.</summary>
    public bool DopplerEnabled { get; init; } = true;

    /// <summary>Additive noise on or off (off: the SNR is infinite, only the receiver's quantisation remains).</summary>
    public bool NoiseEnabled { get; init; } = true;

    /// <summary>Smallest Rician K factor (linear).</summary>
    public double KFactorMin { get; init; }

    /// <summary>Largest Rician K factor (linear).</summary>
    public double KFactorMax { get; init; } = 10;

    /// <summary>Smallest RMS delay spread.</summary>
    public double RmsDelayMinSeconds { get; init; } = 10e-9;

    /// <summary>Largest RMS delay spread.</summary>
    public double RmsDelayMaxSeconds { get; init; } = 300e-9;

    /// <summary>Smallest maximum Doppler shift.</summary>
    public double MaxDopplerMinHz { get; init; }

    /// <summary>Largest maximum Doppler shift.</summary>
    public double MaxDopplerMaxHz { get; init; } = 10;
}
