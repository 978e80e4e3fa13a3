using MathNet.Numerics;

namespace RfFingerprint.Lora.Receiver;

/// <summary>One received LoRa burst: where it is, what the synchroniser measured and what was decoded.</summary>
public sealed record LoraBurst
{
    /// <summary>Absolute stream index of the first preamble sample (nearest sample to the estimated chirp boundary).</summary>
    public long SampleStart { get; init; }

    /// <summary>Estimated frame start minus <see cref="SampleStart"/>, in samples (−0.5 to 0.5): the fractional timing offset.</summary>
    public double StoSamples { get; init; }

    /// <summary>Spreading factor.</summary>
    public int SpreadingFactor { get; init; }

    /// <summary>Bandwidth in Hz.</summary>
    public double BandwidthHz { get; init; }

    /// <summary>Stream sample rate in Hz (the rate of <see cref="Preamble"/>).</summary>
    public double SampleRateHz { get; init; }

    /// <summary>Carrier frequency offset in Hz (positive: the transmitter is above the receiver's tuning).</summary>
    public double CfoHz { get; init; }

    /// <summary>Transmitter sample-clock offset in ppm tracked over the payload (positive: its clock is fast, its symbols short); reliable on long frames only.</summary>
    public double SfoPpm { get; init; }

    /// <summary>In-band SNR estimate in dB (signal power over noise power within the bandwidth), from the preamble.</summary>
    public double SnrDb { get; init; }

    /// <summary>Sync word measured from the two sync chirps.</summary>
    public byte SyncWord { get; init; }

    /// <summary>Outcome.</summary>
    public BurstStatus Status { get; init; }

    /// <summary>Whether the explicit header was valid (true in implicit mode when decoding proceeded).</summary>
    public bool HeaderOk { get; init; }

    /// <summary>Coding rate index 1 to 4 from the header (null when unknown).</summary>
    public int? CodingRate { get; init; }

    /// <summary>Whether the frame announced a CRC (null when unknown).</summary>
    public bool? HasCrc { get; init; }

    /// <summary>CRC verdict: null when there is no CRC or nothing was decoded.</summary>
    public bool? CrcOk { get; init; }

    /// <summary>Decoded payload (empty when undecodable).</summary>
    public byte[] Payload { get; init; } = [];

    /// <summary>Codeword bits corrected by the Hamming decoder.</summary>
    public int CorrectedBits { get; init; }

    /// <summary>Number of payload chirps demodulated.</summary>
    public int SymbolCount { get; init; }

    /// <summary>Number of preamble up-chirps in <see cref="Preamble"/>.</summary>
    public int PreambleSymbols { get; init; }

    /// <summary>
    /// The preamble's up-chirps as received (NOT CFO-compensated), starting at <see cref="SampleStart"/>:
    /// PreambleSymbols × 2^SF × oversampling samples at <see cref="SampleRateHz"/>. With
    /// <see cref="LoraReceiverOptions.CopyPreamble"/> (default) the burst owns this memory; otherwise it is a view of a
    /// receiver buffer that is valid only until the burst callback returns (copy it to keep it).
    /// </summary>
    public ReadOnlyMemory<Complex32> Preamble { get; init; }

    /// <summary>True when the burst was decoded and its CRC (if any) holds.</summary>
    public bool IsValid => Status == BurstStatus.Decoded && CrcOk != false;
}
