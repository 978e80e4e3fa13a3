namespace RfFingerprint.Registry.Entities;

/// <summary>Link between an enrolment and one capture its bursts came from.</summary>
public sealed class EnrolmentCapture
{
    /// <summary>Enrolment key.</summary>
    public long EnrolmentId { get; set; }

    /// <summary>Capture key.</summary>
    public long CaptureId { get; set; }
}
