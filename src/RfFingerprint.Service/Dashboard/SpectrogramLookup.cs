namespace RfFingerprint.Service.Dashboard;

/// <summary>A spectrogram, or why there is none (the endpoint answers 404 with that reason).</summary>
/// <param name="Spectrogram">The matrix, when it could be computed.</param>
/// <param name="Problem">Why not, otherwise.</param>
public sealed record SpectrogramLookup(SpectrogramResponse? Spectrogram, string? Problem)
{
    /// <summary>A lookup that found nothing, for <paramref name="problem"/>.</summary>
    public static SpectrogramLookup Missing(string problem) => new(null, problem);
}
