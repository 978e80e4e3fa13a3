using Microsoft.AspNetCore.Http.HttpResults;
using RfFingerprint.Registry;
using RfFingerprint.Registry.Inputs;
using RfFingerprint.Service.Contracts;
using RfFingerprint.Service.Live;
using RfFingerprint.Service.Security;

namespace RfFingerprint.Service.Api;

/// <summary><c>/api/v1/events</c>: authentication events, filtered and paged, and the live feed.</summary>
public static class EventsApi
{
    /// <summary>Largest page a client may ask for.</summary>
    public const int MaxLimit = 1000;

    /// <summary>Maps the event endpoints onto <paramref name="api"/>.</summary>
    public static RouteGroupBuilder MapEventsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/events").WithTags("Events");
        group.MapGet("/", QueryEvents).WithName("QueryEvents")
            .WithSummary("Events newest first, filtered by device, verdict, capture, time or id, with offset/limit paging").RequireViewer();
        group.MapGet("/stream", LiveFeedEndpoint.StreamAsync).WithName("StreamEvents")
            .WithSummary("Decisions as server-sent events while they are made (text/event-stream)").RequireViewer();
        return group;
    }

    internal static async Task<Results<Ok<Page<EventResponse>>, ValidationProblem>> QueryEvents(
        IRegistryStore registry,
        long? deviceId,
        string? verdict,
        long? captureId,
        DateTimeOffset? sinceUtc,
        long? afterId,
        int? offset,
        int? limit,
        CancellationToken cancellationToken)
    {
        var validation = new Validation();
        validation.OptionalText("verdict", verdict, 64);
        if (offset is < 0)
        {
            validation.Add("offset", "offset must not be negative");
        }

        if (limit is < 1 or > MaxLimit)
        {
            validation.Add("limit", $"limit must be between 1 and {MaxLimit}");
        }

        if (deviceId is <= 0 || captureId is <= 0 || afterId is < 0)
        {
            validation.Add("id", "deviceId and captureId must be positive, afterId not negative");
        }

        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        var query = new EventQuery
        {
            DeviceId = deviceId,
            Verdict = string.IsNullOrEmpty(verdict) ? null : verdict,
            CaptureId = captureId,
            SinceUtc = sinceUtc,
            AfterId = afterId,
            Offset = offset ?? 0,
            Limit = limit ?? 100,
        };
        var events = await registry.QueryEventsAsync(query, cancellationToken);
        var total = await registry.CountEventsAsync(query, cancellationToken);
        return TypedResults.Ok(new Page<EventResponse>(events.Select(EventResponse.From).ToList(), total, query.Offset, query.Limit));
    }
}
