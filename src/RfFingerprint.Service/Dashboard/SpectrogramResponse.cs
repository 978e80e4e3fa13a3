namespace RfFingerprint.Service.Dashboard;

/// <summary>A spectrogram for the dashboard to draw: one row-major matrix, frequency x time.</summary>
/// <param name="View">"stft" or "model".</param>
/// <param name="FrequencyBins">Rows (frequency, lowest first).</param>
/// <param name="TimeFrames">Columns (time).</param>
/// <param name="Values">FrequencyBins * TimeFrames values, <c>Values[row * TimeFrames + frame]</c>.</param>
/// <param name="MinValue">Smallest value (for the colour scale).</param>
/// <param name="MaxValue">Largest value.</param>
/// <param name="LowestFrequencyHz">Baseband frequency of row 0, Hz.</param>
/// <param name="BinWidthHz">Frequency step between rows, Hz.</param>
/// <param name="FrameSeconds">Time step between columns, seconds.</param>
/// <param name="Bursts">Bursts the matrix summarises (1 for one burst, more for an enrolment average).</param>
/// <param name="SampleIndex">First preamble sample of the burst the receiver found (one-burst answers), or null.</param>
/// <param name="CfoHz">CFO the receiver measured on that burst (and compensated), Hz, or null.</param>
/// <param name="SnrDb">SNR the receiver measured on that burst, dB, or null.</param>
public sealed record SpectrogramResponse(
    string View,
    int FrequencyBins,
    int TimeFrames,
    IReadOnlyList<float> Values,
    float MinValue,
    float MaxValue,
    double LowestFrequencyHz,
    double BinWidthHz,
    double FrameSeconds,
    int Bursts,
    long? SampleIndex,
    double? CfoHz,
    double? SnrDb);
