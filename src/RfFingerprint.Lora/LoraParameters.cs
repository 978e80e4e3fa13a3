namespace RfFingerprint.Lora;

/// <summary>
/// Physical-layer settings of one LoRa link, as configured on a Semtech SX127x/SX126x radio.
/// </summary>
/// <remarks>
/// Symbol time is 2^SF / BW seconds; the waveform is sampled at <see cref="SampleRateHz"/>, an integer
/// multiple (<see cref="Oversampling"/>) of the bandwidth, so one symbol is 2^SF × oversampling samples.
/// </remarks>
public sealed record LoraParameters
{
    /// <summary>Longest symbol time, in seconds, for which the radio does not force low-data-rate optimisation (16 ms, Semtech datasheets).</summary>
    public const double LdroSymbolTimeThresholdSeconds = 16e-3;

    /// <summary>Spreading factor, 7 to 12.</summary>
    public int SpreadingFactor { get; init; } = 7;

    /// <summary>Signal bandwidth in Hz: 125 000, 250 000 or 500 000.</summary>
    public double BandwidthHz { get; init; } = 125_000;

    /// <summary>Complex sample rate in Hz, an integer multiple of <see cref="BandwidthHz"/>.</summary>
    public double SampleRateHz { get; init; } = 1_000_000;

    /// <summary>Coding rate index 1 to 4, meaning 4/5 to 4/8.</summary>
    public int CodingRate { get; init; } = 1;

    /// <summary>Whether a CRC-16 follows the payload.</summary>
    public bool HasCrc { get; init; } = true;

    /// <summary>True for implicit-header mode (no header on air; length, coding rate and CRC flag are configured).</summary>
    public bool ImplicitHeader { get; init; }

    /// <summary>Low-data-rate optimisation; null selects it automatically when the symbol time exceeds 16 ms.</summary>
    public bool? LowDataRateOptimize { get; init; }

    /// <summary>Sync word (network identifier): 0x34 LoRaWAN public, 0x12 private.</summary>
    public byte SyncWord { get; init; } = 0x34;

    /// <summary>Number of preamble up-chirps before the sync word.</summary>
    public int PreambleSymbols { get; init; } = 8;

    /// <summary>Chips per symbol, 2^SF.</summary>
    public int ChipsPerSymbol => 1 << SpreadingFactor;

    /// <summary>Samples per chip, SampleRateHz / BandwidthHz.</summary>
    public int Oversampling => (int)Math.Round(SampleRateHz / BandwidthHz);

    /// <summary>Samples per symbol, 2^SF × oversampling.</summary>
    public int SamplesPerSymbol => ChipsPerSymbol * Oversampling;

    /// <summary>Symbol duration in seconds, 2^SF / BW.</summary>
    public double SymbolDurationSeconds => ChipsPerSymbol / BandwidthHz;

    /// <summary>Frequency spacing of the demodulator's FFT bins in Hz, BW / 2^SF.</summary>
    public double BinSpacingHz => BandwidthHz / ChipsPerSymbol;

    /// <summary>Whether low-data-rate optimisation is in effect (explicit setting, else symbol time &gt; 16 ms).</summary>
    public bool IsLdro => LowDataRateOptimize ?? SymbolDurationSeconds > LdroSymbolTimeThresholdSeconds;

    /// <summary>Checks every setting.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is outside the range a LoRa radio supports.</exception>
    /// <exception cref="ArgumentException">The sample rate is not an integer multiple of the bandwidth.</exception>
    public LoraParameters Validate()
    {
        if (SpreadingFactor is < 7 or > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(SpreadingFactor), SpreadingFactor, "SpreadingFactor must be 7 to 12.");
        }

        if (BandwidthHz is not (125_000 or 250_000 or 500_000))
        {
            throw new ArgumentOutOfRangeException(nameof(BandwidthHz), BandwidthHz, "BandwidthHz must be 125000, 250000 or 500000.");
        }

        if (!double.IsFinite(SampleRateHz) || SampleRateHz < BandwidthHz)
        {
            throw new ArgumentOutOfRangeException(nameof(SampleRateHz), SampleRateHz, "SampleRateHz must be at least BandwidthHz.");
        }

        if (Math.Abs(SampleRateHz / BandwidthHz - Oversampling) > 1e-9 || Oversampling > 64)
        {
            throw new ArgumentException("SampleRateHz must be an integer multiple (1 to 64) of BandwidthHz.", nameof(SampleRateHz));
        }

        if (CodingRate is < 1 or > 4)
        {
            throw new ArgumentOutOfRangeException(nameof(CodingRate), CodingRate, "CodingRate must be 1 to 4 (4/5 to 4/8).");
        }

        if (PreambleSymbols is < 2 or > 65_535)
        {
            throw new ArgumentOutOfRangeException(nameof(PreambleSymbols), PreambleSymbols, "PreambleSymbols must be 2 to 65535.");
        }

        return this;
    }
}
