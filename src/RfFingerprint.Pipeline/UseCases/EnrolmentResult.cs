using RfFingerprint.Fingerprinting.Decisions;

namespace RfFingerprint.Pipeline.UseCases;

/// <summary>What an enrolment stored.</summary>
/// <param name="DeviceName">The device.</param>
/// <param name="DeviceId">Its registry id.</param>
/// <param name="BurstsUsed">Bursts whose fingerprints were enrolled.</param>
/// <param name="BurstsSkipped">Bursts found but not used (another device's annotation, undecodable, no fingerprint).</param>
/// <param name="Cfo">CFO statistics of the enrolled bursts.</param>
/// <param name="CfoRange">The CFO range the hybrid rule will use.</param>
/// <param name="DevAddrs">Every DevAddr the device may now claim.</param>
/// <param name="DevEui">The DevEUI it may claim, if known.</param>
/// <param name="ModelVersion">The model the fingerprints belong to.</param>
/// <param name="Reenrolled">True when an earlier enrolment for this model was replaced.</param>
public sealed record EnrolmentResult(
    string DeviceName,
    long DeviceId,
    int BurstsUsed,
    int BurstsSkipped,
    CfoStatistics Cfo,
    CfoRange CfoRange,
    IReadOnlyList<uint> DevAddrs,
    string? DevEui,
    string ModelVersion,
    bool Reenrolled);
