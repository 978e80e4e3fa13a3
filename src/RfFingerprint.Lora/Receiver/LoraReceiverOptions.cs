namespace RfFingerprint.Lora.Receiver;

/// <summary>Configuration of a <see cref="LoraReceiver"/>.</summary>
public sealed record LoraReceiverOptions
{
    /// <summary>Spreading factors searched at once (7 to 12).</summary>
    public IReadOnlyList<int> SpreadingFactors { get; init; } = [7];

    /// <summary>Signal bandwidth in Hz (125, 250 or 500 kHz).</summary>
    public double BandwidthHz { get; init; } = 125_000;

    /// <summary>Stream sample rate in Hz, an integer multiple of the bandwidth.</summary>
    public double SampleRateHz { get; init; } = 1_000_000;

    /// <summary>Expected sync word; bursts with another one are dropped unless <see cref="AcceptAnySyncWord"/>.</summary>
    public byte SyncWord { get; init; } = 0x34;

    /// <summary>Report bursts whatever their sync word (the measured one is in the burst record).</summary>
    public bool AcceptAnySyncWord { get; init; }

    /// <summary>Preamble up-chirps the transmitters send (and that each burst record carries).</summary>
    public int PreambleSymbols { get; init; } = 8;

    /// <summary>Implicit-header mode: no header on air; <see cref="ImplicitPayloadLength"/>, <see cref="ImplicitCodingRate"/> and <see cref="ImplicitHasCrc"/> apply.</summary>
    public bool ImplicitHeader { get; init; }

    /// <summary>Payload length in implicit-header mode.</summary>
    public int ImplicitPayloadLength { get; init; }

    /// <summary>Coding rate index (1 to 4) in implicit-header mode.</summary>
    public int ImplicitCodingRate { get; init; } = 1;

    /// <summary>CRC presence in implicit-header mode.</summary>
    public bool ImplicitHasCrc { get; init; } = true;

    /// <summary>Low-data-rate optimisation; null = automatic (symbol time &gt; 16 ms).</summary>
    public bool? LowDataRateOptimize { get; init; }

    /// <summary>One-symbol windows integrated by the detector (2 to PreambleSymbols; with 8 preamble chirps at least 7 windows fall fully inside).</summary>
    public int DetectionWindows { get; init; } = 6;

    /// <summary>Detection threshold: peak of the integrated spectrum over its mean (noise alone: Gamma(L) per bin).</summary>
    public double DetectionThreshold { get; init; } = 4.6;

    /// <summary>SFD threshold: peak of two consecutive windows' summed down-chirp spectra over its mean (noise alone: Gamma(2)/2 per bin).</summary>
    public double SfdThreshold { get; init; } = 6;

    /// <summary>
    /// Also test the CFO hypothesis half a band away (beyond ±BW/4); the sync-word chirps decide between the two.
    /// </summary>
    public bool WideCfoSearch { get; init; } = true;

    /// <summary>Give each burst its own copy of the preamble; false hands out a view of a reused buffer, valid only during the callback.</summary>
    public bool CopyPreamble { get; init; } = true;

    /// <summary>Anti-alias filter length per polyphase branch of each burst's channeliser (synchronisation and demodulation).</summary>
    public int FilterTapsPerPhase { get; init; } = 16;

    /// <summary>
    /// Anti-alias filter length per polyphase branch of the stream decimator that feeds preamble detection. It filters
    /// every sample of the stream, bursts or not, and detection only needs the coarse chirp energy: half the channeliser's
    /// length gave the same detection, CRC and CFO figures from −11 to −7 dB (`rffp bench sensitivity`) for half the cost.
    /// </summary>
    public int DetectionFilterTapsPerPhase { get; init; } = 8;

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentException">A setting is out of range (message names it).</exception>
    public LoraReceiverOptions Validate()
    {
        if (SpreadingFactors.Count == 0 || SpreadingFactors.Any(sf => sf is < 7 or > 12) || SpreadingFactors.Distinct().Count() != SpreadingFactors.Count)
        {
            throw new ArgumentException("SpreadingFactors must list distinct values from 7 to 12.", nameof(SpreadingFactors));
        }

        ToParameters(SpreadingFactors[0]).Validate();
        if (DetectionWindows < 2 || DetectionWindows > PreambleSymbols)
        {
            throw new ArgumentException("DetectionWindows must be 2 to PreambleSymbols.", nameof(DetectionWindows));
        }

        if (!(DetectionThreshold > 1) || !(SfdThreshold > 1))
        {
            throw new ArgumentException("DetectionThreshold and SfdThreshold must exceed 1.", nameof(DetectionThreshold));
        }

        if (FilterTapsPerPhase < 2 || DetectionFilterTapsPerPhase < 2)
        {
            throw new ArgumentException("FilterTapsPerPhase and DetectionFilterTapsPerPhase must be at least 2.", nameof(FilterTapsPerPhase));
        }

        if (ImplicitHeader && (ImplicitPayloadLength is < 0 or > 255 || ImplicitCodingRate is < 1 or > 4))
        {
            throw new ArgumentException("ImplicitPayloadLength must be 0 to 255 and ImplicitCodingRate 1 to 4.", nameof(ImplicitPayloadLength));
        }

        return this;
    }

    /// <summary>PHY parameters for one of the searched spreading factors.</summary>
    public LoraParameters ToParameters(int spreadingFactor) => new()
    {
        SpreadingFactor = spreadingFactor,
        BandwidthHz = BandwidthHz,
        SampleRateHz = SampleRateHz,
        SyncWord = SyncWord,
        PreambleSymbols = PreambleSymbols,
        ImplicitHeader = ImplicitHeader,
        CodingRate = ImplicitHeader ? ImplicitCodingRate : 1,
        HasCrc = !ImplicitHeader || ImplicitHasCrc,
        LowDataRateOptimize = LowDataRateOptimize,
    };
}
