namespace RfFingerprint.Service.Capture;

/// <summary>Where the live capture is, as the API reports it.</summary>
/// <param name="State">"stopped", "running" or "failed".</param>
/// <param name="Source">What is being captured (device args or recording), when a session ran.</param>
/// <param name="SessionId">Current or last session id.</param>
/// <param name="StartedUtc">When the current or last session started.</param>
/// <param name="StopsUtc">When a timed session stops by itself.</param>
/// <param name="Record">"none", "stream" or "bursts".</param>
/// <param name="RecordingPath">SigMF recording being written, if any.</param>
/// <param name="CaptureId">Registry capture the session's events belong to.</param>
/// <param name="SamplesReceived">Samples the source delivered.</param>
/// <param name="SamplesLostBySource">Samples the source reported lost (radio overflow, reconnection).</param>
/// <param name="SamplesDropped">Samples dropped because the pipeline fell behind.</param>
/// <param name="Bursts">Bursts decided.</param>
/// <param name="Error">Why the last session failed.</param>
public sealed record CaptureStatus(
    string State,
    string? Source,
    string? SessionId,
    DateTimeOffset? StartedUtc,
    DateTimeOffset? StopsUtc,
    string Record,
    string? RecordingPath,
    long? CaptureId,
    long SamplesReceived,
    long SamplesLostBySource,
    long SamplesDropped,
    long Bursts,
    string? Error);
