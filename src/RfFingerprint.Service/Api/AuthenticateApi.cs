using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using RfFingerprint.Pipeline;
using RfFingerprint.Pipeline.UseCases;
using RfFingerprint.Registry.Inputs;
using RfFingerprint.Service.Contracts;
using RfFingerprint.Service.Hosting;
using RfFingerprint.Service.Live;
using RfFingerprint.Service.Processing;
using RfFingerprint.Service.Security;
using RfFingerprint.Service.Telemetry;

namespace RfFingerprint.Service.Api;

/// <summary>
/// <c>/api/v1/authenticate</c>: decisions for the bursts of an uploaded recording, each recorded once as an event of the
/// upload's capture (identified by the SHA-512 of its samples, so uploading the same recording again adds no event).
/// </summary>
public static class AuthenticateApi
{
    /// <summary>Most decisions one response lists.</summary>
    public const int MaxDecisions = 10_000;

    /// <summary>
    /// Raw cf32 bodies up to this size (2 M samples, 2 s at 1 MS/s) are decided in memory; larger ones, bodies without a
    /// Content-Length, and SigMF archives are spooled to a temporary recording first.
    /// </summary>
    public const long InMemoryUploadBytes = 16L * 1024 * 1024;

    /// <summary>Registry source of the captures uploads create.</summary>
    public const string CaptureSource = "api";

    /// <summary>Maps the endpoint onto <paramref name="api"/>.</summary>
    public static RouteHandlerBuilder MapAuthenticateApi(this IEndpointRouteBuilder api)
    {
        var maxUpload = api.ServiceProvider.GetRequiredService<IOptions<ServiceOptions>>().Value.MaxUploadBytes;
        return api.MapPost("/authenticate", Authenticate)
            .WithName("Authenticate")
            .WithTags("Authenticate")
            .WithSummary("Decide every burst of an uploaded recording (SigMF archive, or raw cf32 with X-Sample-Rate-Hz) against the enrolled devices, and record each burst once as an event")
            .WithMetadata(new RequestSizeLimitAttribute(maxUpload))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .RequireOperator();
    }

    internal static async Task<Results<Ok<AuthenticateResponse>, ValidationProblem, ProblemHttpResult>> Authenticate(
        HttpRequest request, PipelineProvider pipelines, ServiceMetrics metrics, DecisionBroadcaster liveFeed, CancellationToken cancellationToken)
    {
        FingerprintPipeline pipeline;
        AuthenticationService authentication;
        try
        {
            pipeline = pipelines.GetPipeline();
            authentication = await pipelines.GetAuthenticationAsync(cancellationToken);
        }
        catch (ModelUnavailableException ex)
        {
            return Problems.Unavailable(ex.Message);
        }

        return UploadBody.IsRaw(request) && request.ContentLength is > 0 and <= InMemoryUploadBytes
            ? await AuthenticateInMemoryAsync(request, request.ContentLength.Value, pipelines, pipeline, authentication, metrics, liveFeed, cancellationToken)
            : await AuthenticateSpooledAsync(request, authentication, metrics, liveFeed, cancellationToken);
    }

    /// <summary>
    /// The fast path for short raw uploads (typically one burst): no files, a pooled receiver and fingerprint stage on the
    /// request's thread, and the events group-committed with those of concurrent requests before the answer goes out.
    /// </summary>
    private static async Task<Results<Ok<AuthenticateResponse>, ValidationProblem, ProblemHttpResult>> AuthenticateInMemoryAsync(
        HttpRequest request, long contentLength, PipelineProvider pipelines, FingerprintPipeline pipeline, AuthenticationService authentication,
        ServiceMetrics metrics, DecisionBroadcaster liveFeed, CancellationToken cancellationToken)
    {
        if (UploadBody.RawHeaders(request, out var sampleRateHz, out var centerFrequencyHz) is { } invalid)
        {
            return invalid;
        }

        var receivedUtc = DateTimeOffset.UtcNow;
        string sha512;
        IReadOnlyList<ReceivedBurst> bursts;
        try
        {
            using var upload = await RawUpload.ReadAsync(request.Body, contentLength, sampleRateHz, centerFrequencyHz, cancellationToken);
            sha512 = upload.Sha512;
            bursts = pipelines.UploadReceiver.Receive(upload.Samples, sampleRateHz, receivedUtc);
        }
        catch (InvalidDataException ex)
        {
            return Problems.BadRequest($"the upload is not a usable recording: {ex.Message}");
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Problems.Status(StatusCodes.Status413PayloadTooLarge, "Payload too large", ex.Message);
        }

        var decisions = pipelines.Uploads.Decide(pipeline, authentication, bursts, $"upload {sha512[..16]}");
        if (decisions.Count > 0)
        {
            try
            {
                await pipelines.Events.CommitAsync(authentication,
                    new CaptureInfo($"upload:{sha512[..16]}", sha512, CaptureSource, sampleRateHz, centerFrequencyHz, receivedUtc),
                    decisions, cancellationToken);
            }
            catch (ObjectDisposedException ex)
            {
                return Problems.Unavailable(ex.Message);
            }
        }

        return TypedResults.Ok(Respond(decisions, metrics, liveFeed));
    }

    /// <summary>Archives and long raw uploads: written to a temporary recording, then replayed with events recorded.</summary>
    private static async Task<Results<Ok<AuthenticateResponse>, ValidationProblem, ProblemHttpResult>> AuthenticateSpooledAsync(
        HttpRequest request, AuthenticationService authentication, ServiceMetrics metrics, DecisionBroadcaster liveFeed,
        CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "rffp-service-uploads", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var written = await UploadBody.WriteAsync(request, Path.Combine(folder, "upload"), "upload", cancellationToken);
            if (written.Result is not Ok<string> { Value: { } path })
            {
                return written.Result switch
                {
                    ValidationProblem problem => problem,
                    ProblemHttpResult problem => problem,
                    _ => throw new InvalidOperationException("unexpected upload result"),
                };
            }

            var decisions = new List<BurstDecision>();
            await foreach (var decision in authentication.RunCaptureAsync(path, record: true, cancellationToken))
            {
                decisions.Add(decision);
            }

            return TypedResults.Ok(Respond(decisions, metrics, liveFeed));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <remarks>
    /// Decisions go to the live feed only once their events are committed, so the dashboard never shows a burst the
    /// registry does not have. The feed has no capture id for uploads: their samples are not kept as a file.
    /// </remarks>
    private static AuthenticateResponse Respond(IReadOnlyList<BurstDecision> decisions, ServiceMetrics metrics, DecisionBroadcaster liveFeed)
    {
        var listed = new List<DecisionResponse>(Math.Min(decisions.Count, MaxDecisions));
        foreach (var decision in decisions)
        {
            metrics.Decisions.Add(1, new KeyValuePair<string, object?>("verdict", decision.VerdictText));
            liveFeed.Publish(LiveDecisions.From(decision, captureId: null));
            if (listed.Count < MaxDecisions)
            {
                listed.Add(DecisionResponse.From(decision));
            }
        }

        return new AuthenticateResponse(decisions.Count, listed);
    }
}
