namespace RfFingerprint.Fingerprinting.Decisions;

/// <summary>A distance threshold set from enrolment data, and the error rates it gives on that data.</summary>
/// <param name="Threshold">Accept a match when distance &lt;= Threshold.</param>
/// <param name="TargetFalseAcceptRate">The requested false-accept rate.</param>
/// <param name="FalseAcceptRate">Share of impostor scores accepted at the threshold (NaN without impostors).</param>
/// <param name="FalseRejectRate">Share of leave-one-out genuine scores rejected at the threshold (NaN without them).</param>
/// <param name="ImpostorCount">Impostor scores used.</param>
/// <param name="GenuineCount">Leave-one-out genuine scores used.</param>
/// <param name="Method">Which scores set the threshold.</param>
public sealed record ThresholdCalibration(
    double Threshold,
    double TargetFalseAcceptRate,
    double FalseAcceptRate,
    double FalseRejectRate,
    int ImpostorCount,
    int GenuineCount,
    CalibrationMethod Method);
