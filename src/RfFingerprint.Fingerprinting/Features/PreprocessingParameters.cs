using System.Numerics;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RfFingerprint.Fingerprinting.Features;

/// <summary>
/// Everything that turns a burst's preamble into the model's input. Training (the exported dataset) and serving
/// (the ONNX model's metadata) carry the same record, so the two cannot drift apart. Value equality compares every
/// field; <see cref="ToJson"/> / <see cref="FromJson"/> use snake_case names and snake_case enum values.
/// </summary>
/// <remarks>
/// Defaults reproduce the public reference spectrogram (SF7, BW 125 kHz, 1 MS/s, 8 preamble up-chirps = 8192 samples,
/// rectangular window 256, hop 128, FFT 256, two-sided with fftshift, rows 77..178 kept = 102 bins of 3906.25 Hz,
/// channel-independent log power, 102 x 62 features).
/// </remarks>
public sealed record PreprocessingParameters
{
    /// <summary>Version of this record's layout; a reader refuses a version it does not know.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>Layout version; always <see cref="CurrentSchemaVersion"/> for records made by this code.</summary>
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>Complex sample rate of the preamble, in Hz.</summary>
    public double SampleRateHz { get; init; } = 1_000_000;

    /// <summary>LoRa spreading factor of the bursts (7..12).</summary>
    public int SpreadingFactor { get; init; } = 7;

    /// <summary>LoRa bandwidth, in Hz; the sample rate must be an integer multiple of it.</summary>
    public double BandwidthHz { get; init; } = 125_000;

    /// <summary>How many preamble up-chirps (from the first one) feed the spectrogram.</summary>
    public int PreambleSymbols { get; init; } = 8;

    /// <summary>STFT window length, in samples (rectangular window).</summary>
    public int WindowLength { get; init; } = 256;

    /// <summary>STFT hop, in samples (overlap = <see cref="WindowLength"/> - hop).</summary>
    public int HopLength { get; init; } = 128;

    /// <summary>FFT size (power of two, at least <see cref="WindowLength"/>; the window is zero-padded).</summary>
    public int FftSize { get; init; } = 256;

    /// <summary>First kept row of the fftshift-ed spectrum (row FftSize/2 is 0 Hz).</summary>
    public int BinCropStart { get; init; } = 77;

    /// <summary>Number of kept rows.</summary>
    public int BinCropCount { get; init; } = 102;

    /// <summary>STFT magnitude or channel-independent ratio.</summary>
    public FeatureKind Kind { get; init; } = FeatureKind.ChannelIndependent;

    /// <summary>Log power or linear magnitude.</summary>
    public AmplitudeScaling Scaling { get; init; } = AmplitudeScaling.LogPower;

    /// <summary>Power added before a logarithm or division so silent bins stay finite.</summary>
    public double LogFloor { get; init; } = 1e-12;

    /// <summary>Input normalisation before the STFT.</summary>
    public InputNormalization Normalization { get; init; } = InputNormalization.RmsAmplitude;

    /// <summary>Whether the burst's estimated CFO is removed before the STFT (false only for ablation studies).</summary>
    public bool CompensateCfo { get; init; } = true;

    /// <summary>
    /// Whether every preamble symbol is multiplied by the conjugate ideal up-chirp before the STFT, so the spectrogram
    /// shows the departure of the transmitter's sweep from the ideal one around 0 Hz instead of the sweep itself.
    /// Absent from models written before this field (false).
    /// </summary>
    public bool Dechirp { get; init; }

    /// <summary>Samples per LoRa symbol: 2^SF * SampleRateHz / BandwidthHz.</summary>
    [JsonIgnore]
    public int SamplesPerSymbol => (1 << SpreadingFactor) * (int)Math.Round(SampleRateHz / BandwidthHz);

    /// <summary>Preamble samples the extractor reads: PreambleSymbols * SamplesPerSymbol.</summary>
    [JsonIgnore]
    public int InputSampleCount => PreambleSymbols * SamplesPerSymbol;

    /// <summary>STFT frames: floor((InputSampleCount - WindowLength) / HopLength) + 1 (no padding at the ends).</summary>
    [JsonIgnore]
    public int StftFrameCount => ((InputSampleCount - WindowLength) / HopLength) + 1;

    /// <summary>Feature rows (frequency): <see cref="BinCropCount"/>.</summary>
    [JsonIgnore]
    public int FrequencyBins => BinCropCount;

    /// <summary>Feature columns (time): STFT frames, one fewer for the channel-independent kind.</summary>
    [JsonIgnore]
    public int TimeFrames => Kind == FeatureKind.ChannelIndependent ? StftFrameCount - 1 : StftFrameCount;

    /// <summary>Floats per burst: FrequencyBins * TimeFrames.</summary>
    [JsonIgnore]
    public int FeatureLength => FrequencyBins * TimeFrames;

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        WriteIndented = false,
    };

    /// <summary>Checks every field and the derived shape.</summary>
    /// <exception cref="ArgumentException">A field is out of range; the message names it.</exception>
    public void Validate()
    {
        if (SchemaVersion != CurrentSchemaVersion)
            throw new ArgumentException($"schema_version {SchemaVersion} is not supported (expected {CurrentSchemaVersion}).", nameof(SchemaVersion));
        if (!(SampleRateHz > 0) || double.IsInfinity(SampleRateHz))
            throw new ArgumentException($"sample_rate_hz must be positive and finite, got {SampleRateHz}.", nameof(SampleRateHz));
        if (SpreadingFactor is < 5 or > 12)
            throw new ArgumentException($"spreading_factor must be 5..12, got {SpreadingFactor}.", nameof(SpreadingFactor));
        if (!(BandwidthHz > 0) || double.IsInfinity(BandwidthHz))
            throw new ArgumentException($"bandwidth_hz must be positive and finite, got {BandwidthHz}.", nameof(BandwidthHz));
        double oversampling = SampleRateHz / BandwidthHz;
        if (oversampling < 1 || Math.Abs(oversampling - Math.Round(oversampling)) > 1e-9)
            throw new ArgumentException($"sample_rate_hz ({SampleRateHz}) must be an integer multiple of bandwidth_hz ({BandwidthHz}).", nameof(SampleRateHz));
        if (PreambleSymbols is < 1 or > 64)
            throw new ArgumentException($"preamble_symbols must be 1..64, got {PreambleSymbols}.", nameof(PreambleSymbols));
        if (WindowLength < 2)
            throw new ArgumentException($"window_length must be at least 2, got {WindowLength}.", nameof(WindowLength));
        if (HopLength < 1)
            throw new ArgumentException($"hop_length must be at least 1, got {HopLength}.", nameof(HopLength));
        if (FftSize < WindowLength || FftSize < 4 || !BitOperations.IsPow2(FftSize))
            throw new ArgumentException($"fft_size must be a power of two of at least 4, not below window_length ({WindowLength}), got {FftSize}.", nameof(FftSize));
        if (BinCropCount < 1 || BinCropStart < 0 || BinCropStart + BinCropCount > FftSize)
            throw new ArgumentException($"bin_crop_start ({BinCropStart}) and bin_crop_count ({BinCropCount}) must select rows inside 0..{FftSize - 1}.", nameof(BinCropStart));
        if (!Enum.IsDefined(Kind))
            throw new ArgumentException($"kind {Kind} is not defined.", nameof(Kind));
        if (!Enum.IsDefined(Scaling))
            throw new ArgumentException($"scaling {Scaling} is not defined.", nameof(Scaling));
        if (!Enum.IsDefined(Normalization))
            throw new ArgumentException($"normalization {Normalization} is not defined.", nameof(Normalization));
        if (!(LogFloor > 0) || double.IsInfinity(LogFloor))
            throw new ArgumentException($"log_floor must be positive and finite, got {LogFloor}.", nameof(LogFloor));
        if (InputSampleCount < WindowLength)
            throw new ArgumentException($"the preamble ({InputSampleCount} samples) is shorter than one window ({WindowLength}).", nameof(WindowLength));
        if (TimeFrames < 1)
            throw new ArgumentException($"the preamble ({InputSampleCount} samples) gives no {Kind} frame.", nameof(Kind));
    }

    /// <summary>Compact JSON with snake_case names, e.g. <c>{"schema_version":1,"sample_rate_hz":1000000,...,"kind":"channel_independent",...}</c>.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>Parses <see cref="ToJson"/>'s format (missing fields take their defaults) and validates it.</summary>
    /// <exception cref="FormatException">The text is not valid JSON for this record, names an unknown field, or fails <see cref="Validate"/>.</exception>
    public static PreprocessingParameters FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        PreprocessingParameters? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<PreprocessingParameters>(json, JsonOptions);
        }
        catch (JsonException e)
        {
            throw new FormatException($"Preprocessing parameters are not valid JSON for this version: {e.Message}", e);
        }

        if (parsed is null)
            throw new FormatException("Preprocessing parameters JSON is null.");
        try
        {
            parsed.Validate();
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"Preprocessing parameters are invalid: {e.Message}", e);
        }

        return parsed;
    }

    /// <summary>
    /// The JSON field names (snake_case) whose values differ between this record and <paramref name="other"/>,
    /// each as <c>name: this != other</c>; empty when the records are equal.
    /// </summary>
    public IReadOnlyList<string> Differences(PreprocessingParameters other)
    {
        ArgumentNullException.ThrowIfNull(other);
        using var mine = JsonDocument.Parse(ToJson());
        using var theirs = JsonDocument.Parse(other.ToJson());
        var differences = new List<string>();
        foreach (var property in mine.RootElement.EnumerateObject())
        {
            string a = property.Value.GetRawText();
            string b = theirs.RootElement.GetProperty(property.Name).GetRawText();
            if (a != b)
                differences.Add($"{property.Name}: {a} != {b}");
        }

        return differences;
    }
}
