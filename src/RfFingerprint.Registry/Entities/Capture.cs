namespace RfFingerprint.Registry.Entities;

/// <summary>A recording (SigMF file or live session) that bursts were taken from; unique on its SHA-512.</summary>
public sealed class Capture
{
    /// <summary>Database key.</summary>
    public long Id { get; set; }

    /// <summary>Where the recording was found when registered (file path or a live-session label).</summary>
    public string Path { get; set; } = string.Empty;

    /// <summary>SHA-512 of the sample data as 128 lower-case hex digits.</summary>
    public string Sha512 { get; set; } = string.Empty;

    /// <summary>Where the samples came from: "uhd", "sigmf", "simulator", ...</summary>
    public string Source { get; set; } = string.Empty;

    /// <summary>Complex sample rate in Hz.</summary>
    public double SampleRateHz { get; set; }

    /// <summary>Centre frequency in Hz.</summary>
    public double FrequencyHz { get; set; }

    /// <summary>UTC time of the first sample, when known.</summary>
    public DateTimeOffset? StartedUtc { get; set; }

    /// <summary>When the capture was registered (UTC).</summary>
    public DateTimeOffset RegisteredUtc { get; set; }
}
