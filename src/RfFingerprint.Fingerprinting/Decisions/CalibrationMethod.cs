namespace RfFingerprint.Fingerprinting.Decisions;

/// <summary>Which enrolment scores set a rejection threshold.</summary>
public enum CalibrationMethod
{
    /// <summary>Impostor scores (each enrolment burst against every other device): threshold at the target false-accept rate.</summary>
    Impostors,

    /// <summary>Only one device has data: threshold at the (1 - target) quantile of its leave-one-out genuine scores.</summary>
    GenuineOnly,

    /// <summary>No usable scores (no device, or one device with a single burst): nothing is rejected (threshold +infinity).</summary>
    Uncalibrated,
}
