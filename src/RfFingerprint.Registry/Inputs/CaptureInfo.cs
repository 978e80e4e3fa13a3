namespace RfFingerprint.Registry.Inputs;

/// <summary>What <see cref="IRegistryStore.RegisterCaptureAsync"/> records about a recording.</summary>
/// <param name="Path">File path or live-session label.</param>
/// <param name="Sha512">SHA-512 of the sample data, 128 hex digits (any case).</param>
/// <param name="Source">Origin: "uhd", "sigmf", "simulator", ...</param>
/// <param name="SampleRateHz">Complex sample rate, Hz (positive).</param>
/// <param name="FrequencyHz">Centre frequency, Hz.</param>
/// <param name="StartedUtc">UTC time of the first sample, when known.</param>
public sealed record CaptureInfo(
    string Path,
    string Sha512,
    string Source,
    double SampleRateHz,
    double FrequencyHz,
    DateTimeOffset? StartedUtc);
