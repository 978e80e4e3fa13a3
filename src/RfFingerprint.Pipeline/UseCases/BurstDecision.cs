using RfFingerprint.Fingerprinting.Decisions;

namespace RfFingerprint.Pipeline.UseCases;

/// <summary>One burst and what was decided about it.</summary>
/// <param name="Capture">The recording (or stream) the burst came from.</param>
/// <param name="Burst">The burst, its measurements and its fingerprint.</param>
/// <param name="Decision">The verdict and its evidence.</param>
public sealed record BurstDecision(string Capture, FingerprintedBurst Burst, Decision Decision)
{
    /// <summary>The verdict as it is written in events and JSON (<c>authenticated</c>, <c>unknown_device</c>, ...).</summary>
    public string VerdictText => VerdictNames.ToText(Decision.Verdict);
}
