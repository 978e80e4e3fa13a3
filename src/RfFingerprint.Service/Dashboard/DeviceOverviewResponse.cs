using RfFingerprint.Service.Contracts;

namespace RfFingerprint.Service.Dashboard;

/// <summary>What the dashboard's device page shows in one answer.</summary>
/// <param name="Device">The device.</param>
/// <param name="Enrolment">Its enrolment under the current model, or null.</param>
/// <param name="CfoHistory">Its newest events' CFOs, oldest first (at most <see cref="DashboardApi.CfoHistoryLimit"/>).</param>
/// <param name="RecentEvents">Its newest events, newest first.</param>
public sealed record DeviceOverviewResponse(
    DeviceResponse Device,
    EnrolmentResponse? Enrolment,
    IReadOnlyList<CfoPoint> CfoHistory,
    IReadOnlyList<EventResponse> RecentEvents);
