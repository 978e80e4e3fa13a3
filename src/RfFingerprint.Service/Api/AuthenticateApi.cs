using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using RfFingerprint.Service.Contracts;
using RfFingerprint.Service.Hosting;
using RfFingerprint.Service.Processing;
using RfFingerprint.Service.Security;
using RfFingerprint.Service.Telemetry;

namespace RfFingerprint.Service.Api;

/// <summary><c>/api/v1/authenticate</c>: decisions for the bursts of an uploaded recording (nothing is recorded).</summary>
public static class AuthenticateApi
{
    /// <summary>Most decisions one response lists.</summary>
    public const int MaxDecisions = 10_000;

    /// <summary>Maps the endpoint onto <paramref name="api"/>.</summary>
    public static RouteHandlerBuilder MapAuthenticateApi(this IEndpointRouteBuilder api)
    {
        var maxUpload = api.ServiceProvider.GetRequiredService<IOptions<ServiceOptions>>().Value.MaxUploadBytes;
        return api.MapPost("/authenticate", Authenticate)
            .WithName("Authenticate")
            .WithTags("Authenticate")
            .WithSummary("Decide every burst of an uploaded recording (SigMF archive, or raw cf32 with X-Sample-Rate-Hz) against the enrolled devices")
            .WithMetadata(new RequestSizeLimitAttribute(maxUpload))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .RequireOperator();
    }

    internal static async Task<Results<Ok<AuthenticateResponse>, ValidationProblem, ProblemHttpResult>> Authenticate(
        HttpRequest request, PipelineProvider pipelines, ServiceMetrics metrics, CancellationToken cancellationToken)
    {
        Pipeline.UseCases.AuthenticationService authentication;
        try
        {
            authentication = await pipelines.GetAuthenticationAsync(cancellationToken);
        }
        catch (ModelUnavailableException ex)
        {
            return Problems.Unavailable(ex.Message);
        }

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

            var decisions = new List<DecisionResponse>();
            var bursts = 0;
            await foreach (var decision in authentication.RunCaptureAsync(path, record: false, cancellationToken))
            {
                bursts++;
                metrics.Decisions.Add(1, new KeyValuePair<string, object?>("verdict", decision.VerdictText));
                if (decisions.Count < MaxDecisions)
                {
                    decisions.Add(DecisionResponse.From(decision));
                }
            }

            return TypedResults.Ok(new AuthenticateResponse(bursts, decisions));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
