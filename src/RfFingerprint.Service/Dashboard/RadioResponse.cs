using RfFingerprint.Service.Capture;

namespace RfFingerprint.Service.Dashboard;

/// <summary>The capture session's status with the radio settings it runs under.</summary>
/// <param name="Source">Configured source: "uhd" or "sigmf".</param>
/// <param name="SampleRateHz">Configured sample rate, Hz (the recording's own rate for a sigmf source), when known.</param>
/// <param name="Session">The running (or last) session.</param>
public sealed record RadioResponse(string Source, double? SampleRateHz, CaptureStatus Session);
