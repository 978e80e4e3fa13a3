namespace RfFingerprint.Service.Contracts;

/// <summary>Body of <c>POST /api/v1/capture-sessions</c>.</summary>
/// <param name="Record">"none", "stream" or "bursts"; null for the configured default.</param>
/// <param name="DurationSeconds">Run this long (1 s .. 7 days) as a durable timed job; null runs until stopped.</param>
/// <param name="StartUtc">When a timed session starts (default now; at most 30 days ahead).</param>
public sealed record CaptureSessionRequest(string? Record, double? DurationSeconds, DateTimeOffset? StartUtc);
