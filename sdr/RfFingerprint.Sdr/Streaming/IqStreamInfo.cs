namespace RfFingerprint.Sdr.Streaming;

/// <summary>Facts about an IQ stream that do not change while it runs.</summary>
/// <param name="SampleRateHz">Complex samples per second.</param>
/// <param name="CenterFrequencyHz">RF frequency that baseband 0 Hz corresponds to.</param>
/// <param name="Description">What the stream is, for logs and registry rows (a file path, device args...).</param>
/// <param name="StartTimeUtc">UTC time of sample 0, when known.</param>
public sealed record IqStreamInfo(
    double SampleRateHz,
    double CenterFrequencyHz,
    string Description,
    DateTimeOffset? StartTimeUtc = null);
