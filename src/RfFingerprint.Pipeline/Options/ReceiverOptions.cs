namespace RfFingerprint.Pipeline.Options;

/// <summary>What the burst detector searches for. Bound from the <c>Receiver</c> configuration section.</summary>
public sealed class ReceiverOptions
{
    public const string SectionName = "Receiver";

    /// <summary>What an empty <see cref="SpreadingFactors"/> means.</summary>
    public static IReadOnlyList<int> DefaultSpreadingFactors { get; } = [7];

    /// <summary>
    /// Spreading factors searched at once (7..12); empty means <see cref="DefaultSpreadingFactors"/>. The default is
    /// empty because the configuration binder appends configured array elements to a non-empty default.
    /// </summary>
    public int[] SpreadingFactors { get; set; } = [];

    /// <summary>The spreading factors actually searched: the configured ones without repeats, or the default.</summary>
    public IReadOnlyList<int> SearchedSpreadingFactors =>
        SpreadingFactors.Length == 0 ? DefaultSpreadingFactors : SpreadingFactors.Distinct().ToArray();

    /// <summary>LoRa bandwidth in Hz (125 000, 250 000 or 500 000).</summary>
    public double BandwidthHz { get; set; } = 125_000;

    /// <summary>Expected sync word (0x34 = 52 for public LoRaWAN networks).</summary>
    public byte SyncWord { get; set; } = 0x34;
}
