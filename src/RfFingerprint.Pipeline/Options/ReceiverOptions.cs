namespace RfFingerprint.Pipeline.Options;

/// <summary>What the burst detector searches for. Bound from the <c>Receiver</c> configuration section.</summary>
public sealed class ReceiverOptions
{
    public const string SectionName = "Receiver";

    /// <summary>Spreading factors searched at once (7..12).</summary>
    public int[] SpreadingFactors { get; set; } = [7];

    /// <summary>LoRa bandwidth in Hz (125 000, 250 000 or 500 000).</summary>
    public double BandwidthHz { get; set; } = 125_000;

    /// <summary>Expected sync word (0x34 = 52 for public LoRaWAN networks).</summary>
    public byte SyncWord { get; set; } = 0x34;
}
