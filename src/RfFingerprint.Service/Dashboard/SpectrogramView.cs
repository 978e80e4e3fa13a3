namespace RfFingerprint.Service.Dashboard;

/// <summary>Which picture of a burst the dashboard asks for.</summary>
public enum SpectrogramView
{
    /// <summary>
    /// Log power STFT of the CFO-compensated preamble (the model's extractor with <c>Kind = Stft</c>): the chirps are
    /// visible, which is what a person wants to look at.
    /// </summary>
    Stft,

    /// <summary>Exactly the feature matrix the model is fed (the model's own preprocessing parameters).</summary>
    Model,
}
