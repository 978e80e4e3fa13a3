namespace RfFingerprint.Service.Jobs;

/// <summary>What a background job does; the text form is stored with the job and shown by the API.</summary>
public static class JobKind
{
    /// <summary>Replays a capture through the chain, recording each burst's decision as an event.</summary>
    public const string Replay = "replay";

    /// <summary>Enrols a device from captures of it.</summary>
    public const string Enrolment = "enrolment";

    /// <summary>Runs the capture worker for a fixed time.</summary>
    public const string CaptureSession = "capture-session";
}
