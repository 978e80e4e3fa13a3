using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using RfFingerprint.Registry;
using RfFingerprint.Registry.Entities;
using RfFingerprint.Registry.Inputs;
using RfFingerprint.Service.Api;
using RfFingerprint.Service.Capture;
using RfFingerprint.Service.Contracts;
using RfFingerprint.Service.Processing;
using RfFingerprint.Service.Security;

namespace RfFingerprint.Service.Dashboard;

/// <summary>
/// Read-only endpoints the dashboard needs beyond the resource API: the caller's role, device summaries and overviews,
/// spectrograms and the radio's status. Every one is open to viewers.
/// </summary>
public static class DashboardApi
{
    /// <summary>Newest events drawn on a device's CFO chart.</summary>
    public const int CfoHistoryLimit = 500;

    /// <summary>Newest events listed on a device's page.</summary>
    public const int RecentEventsLimit = 20;

    /// <summary>Maps the dashboard endpoints onto <paramref name="api"/> (the <c>/api/v1</c> group).</summary>
    public static IEndpointRouteBuilder MapDashboardApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/me", GetMe).WithTags("Dashboard").WithName("GetMe").WithSummary("The role of the caller's API key").RequireViewer();

        var group = api.MapGroup("/dashboard").WithTags("Dashboard");
        group.MapGet("/devices", ListDeviceSummaries).WithName("ListDeviceSummaries")
            .WithSummary("Devices with enrolment size, CFO range, last seen and last verdict").RequireViewer();
        group.MapGet("/devices/{id:long}", GetDeviceOverview).WithName("GetDeviceOverview")
            .WithSummary("A device with its enrolment, CFO history and recent events").ProducesProblem(StatusCodes.Status404NotFound).RequireViewer();
        group.MapGet("/devices/{id:long}/enrolment-spectrogram", GetEnrolmentSpectrogram).WithName("GetEnrolmentSpectrogram")
            .WithSummary("Mean spectrogram of the bursts the device was enrolled from (view=stft|model)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable).RequireViewer();
        group.MapGet("/bursts/{captureId:long}/{sampleIndex:long}/spectrogram", GetBurstSpectrogram).WithName("GetBurstSpectrogram")
            .WithSummary("Spectrogram of one burst, recomputed from its capture file (view=stft|model)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable).RequireViewer();
        group.MapGet("/radio", GetRadio).WithName("GetRadio")
            .WithSummary("Capture session status with the configured source and sample rate").RequireViewer();
        return api;
    }

    internal static Ok<MeResponse> GetMe(ClaimsPrincipal user)
    {
        var role = user.IsInRole(ApiKeyDefaults.AdminPolicy) ? ApiKeyDefaults.AdminPolicy
            : user.IsInRole(ApiKeyDefaults.OperatorPolicy) ? ApiKeyDefaults.OperatorPolicy
            : ApiKeyDefaults.ViewerPolicy;
        return TypedResults.Ok(new MeResponse(role, user.Identity?.Name));
    }

    internal static async Task<Ok<List<DeviceSummaryResponse>>> ListDeviceSummaries(IRegistryStore registry, CancellationToken cancellationToken)
    {
        var devices = await registry.ListDevicesAsync(includeRevoked: true, cancellationToken);
        var enrolments = await CurrentEnrolmentsAsync(registry, cancellationToken);
        var rows = new List<DeviceSummaryResponse>(devices.Count);
        foreach (var device in devices)
        {
            var query = new EventQuery { DeviceId = device.Id, Limit = 1 };
            var newest = await registry.QueryEventsAsync(query, cancellationToken);
            var last = newest.Count > 0 ? newest[0] : null;
            var count = await registry.CountEventsAsync(query, cancellationToken);
            var enrolment = enrolments.GetValueOrDefault(device.Id);
            rows.Add(new DeviceSummaryResponse(
                device.Id,
                device.Name,
                device.Status == DeviceStatus.Active ? "active" : "revoked",
                device.Addresses.Select(a => DeviceResponse.FormatDevAddr(a.DevAddr)).ToList(),
                enrolment is null ? 0 : Math.Max(enrolment.EmbeddingCount, (int)Math.Min(int.MaxValue, enrolment.CfoCount)),
                enrolment?.CfoRangeLowerHz,
                enrolment?.CfoRangeUpperHz,
                last?.TimeUtc,
                last?.Verdict,
                count));
        }

        return TypedResults.Ok(rows);
    }

    internal static async Task<Results<Ok<DeviceOverviewResponse>, ProblemHttpResult>> GetDeviceOverview(long id, IRegistryStore registry, CancellationToken cancellationToken)
    {
        var device = await registry.GetDeviceAsync(id, cancellationToken);
        if (device is null)
        {
            return Problems.NotFound($"device {id} does not exist");
        }

        var enrolment = await CurrentEnrolmentAsync(registry, id, cancellationToken);
        var events = await registry.QueryEventsAsync(new EventQuery { DeviceId = id, Limit = CfoHistoryLimit }, cancellationToken);
        var history = events.OrderBy(e => e.TimeUtc).ThenBy(e => e.Id).Select(e => new CfoPoint(e.Id, e.TimeUtc, e.CfoHz, e.Verdict)).ToList();
        return TypedResults.Ok(new DeviceOverviewResponse(
            DeviceResponse.From(device),
            enrolment is null ? null : EnrolmentResponse.From(enrolment),
            history,
            events.Take(RecentEventsLimit).Select(EventResponse.From).ToList()));
    }

    internal static async Task<Results<Ok<SpectrogramResponse>, ValidationProblem, ProblemHttpResult>> GetEnrolmentSpectrogram(
        long id, string? view, IRegistryStore registry, BurstSpectrograms spectrograms, CancellationToken cancellationToken)
    {
        if (ParseView(view) is not { } parsed)
        {
            return ViewProblem();
        }

        var device = await registry.GetDeviceAsync(id, cancellationToken);
        if (device is null)
        {
            return Problems.NotFound($"device {id} does not exist");
        }

        var enrolment = await CurrentEnrolmentAsync(registry, id, cancellationToken);
        if (enrolment is null)
        {
            return Problems.NotFound($"device '{device.Name}' is not enrolled under the current model");
        }

        try
        {
            return Answer(await spectrograms.ForEnrolmentAsync(enrolment, device.Name, parsed, cancellationToken));
        }
        catch (ModelUnavailableException ex)
        {
            return Problems.Unavailable(ex.Message);
        }
    }

    internal static async Task<Results<Ok<SpectrogramResponse>, ValidationProblem, ProblemHttpResult>> GetBurstSpectrogram(
        long captureId, long sampleIndex, string? view, BurstSpectrograms spectrograms, CancellationToken cancellationToken)
    {
        if (ParseView(view) is not { } parsed)
        {
            return ViewProblem();
        }

        if (sampleIndex < 0)
        {
            var validation = new Validation();
            validation.Add("sampleIndex", "sampleIndex must not be negative");
            return TypedResults.ValidationProblem(validation.Errors);
        }

        try
        {
            return Answer(await spectrograms.ForBurstAsync(captureId, sampleIndex, parsed, cancellationToken));
        }
        catch (ModelUnavailableException ex)
        {
            return Problems.Unavailable(ex.Message);
        }
    }

    internal static Ok<RadioResponse> GetRadio(CaptureSessionManager sessions, RadioSettings radio) =>
        TypedResults.Ok(new RadioResponse(radio.Source, radio.SampleRateHz, sessions.Status));

    private static Results<Ok<SpectrogramResponse>, ValidationProblem, ProblemHttpResult> Answer(SpectrogramLookup lookup) =>
        lookup.Spectrogram is { } spectrogram ? TypedResults.Ok(spectrogram) : Problems.NotFound(lookup.Problem ?? "no spectrogram");

    private static SpectrogramView? ParseView(string? view) => view switch
    {
        null or "" or "stft" => SpectrogramView.Stft,
        "model" => SpectrogramView.Model,
        _ => null,
    };

    private static ValidationProblem ViewProblem()
    {
        var validation = new Validation();
        validation.Add("view", "view must be stft or model");
        return TypedResults.ValidationProblem(validation.Errors);
    }

    /// <summary>The newest model version's enrolments by device id (empty before any model was registered).</summary>
    private static async Task<Dictionary<long, Enrolment>> CurrentEnrolmentsAsync(IRegistryStore registry, CancellationToken cancellationToken)
    {
        var models = await registry.ListModelVersionsAsync(cancellationToken);
        if (models.Count == 0)
        {
            return [];
        }

        var enrolments = await registry.ListEnrolmentsAsync(models[^1].Id, activeDevicesOnly: false, cancellationToken);
        return enrolments.ToDictionary(e => e.DeviceId);
    }

    private static async Task<Enrolment?> CurrentEnrolmentAsync(IRegistryStore registry, long deviceId, CancellationToken cancellationToken)
    {
        var models = await registry.ListModelVersionsAsync(cancellationToken);
        return models.Count == 0 ? null : await registry.GetEnrolmentAsync(deviceId, models[^1].Id, cancellationToken);
    }
}
