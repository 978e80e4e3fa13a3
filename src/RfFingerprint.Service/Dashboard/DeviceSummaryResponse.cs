namespace RfFingerprint.Service.Dashboard;

/// <summary>One row of the dashboard's device list.</summary>
/// <param name="Id">Registry id.</param>
/// <param name="Name">Device name.</param>
/// <param name="Status">"active" or "revoked".</param>
/// <param name="DevAddrs">DevAddrs known for the device (8 hex digits each).</param>
/// <param name="EnrolmentSize">Embeddings stored under the current model (0 when not enrolled).</param>
/// <param name="CfoRangeLowerHz">Lower edge of the accepted CFO range, Hz, when enrolled.</param>
/// <param name="CfoRangeUpperHz">Upper edge of the accepted CFO range, Hz, when enrolled.</param>
/// <param name="LastSeenUtc">Time of the device's newest event, if any.</param>
/// <param name="LastVerdict">Verdict of that event.</param>
/// <param name="Events">Events attributed to the device.</param>
public sealed record DeviceSummaryResponse(
    long Id,
    string Name,
    string Status,
    IReadOnlyList<string> DevAddrs,
    int EnrolmentSize,
    double? CfoRangeLowerHz,
    double? CfoRangeUpperHz,
    DateTimeOffset? LastSeenUtc,
    string? LastVerdict,
    long Events);
