using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using RfFingerprint.Service.Contracts;
using RfFingerprint.Service.Hosting;
using RfFingerprint.Service.Processing;
using RfFingerprint.Service.Security;

namespace RfFingerprint.Service.Api;

/// <summary><c>/api/v1/captures</c>: the recordings the service can replay and enrol from, and uploads of new ones.</summary>
public static class CapturesApi
{
    /// <summary>Maps the capture endpoints onto <paramref name="api"/>.</summary>
    public static RouteGroupBuilder MapCapturesApi(this IEndpointRouteBuilder api)
    {
        var maxUpload = api.ServiceProvider.GetRequiredService<IOptions<ServiceOptions>>().Value.MaxUploadBytes;
        var group = api.MapGroup("/captures").WithTags("Captures");
        group.MapGet("/", ListCaptures).WithName("ListCaptures").WithSummary("Recordings in the service's capture folder").RequireViewer();
        group.MapPost("/", UploadCapture).WithName("UploadCapture")
            .WithSummary("Upload a recording: a SigMF archive (application/x-tar) or raw cf32 (application/octet-stream with X-Sample-Rate-Hz)")
            .WithMetadata(new RequestSizeLimitAttribute(maxUpload))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .RequireOperator();
        return group;
    }

    internal static Ok<List<CaptureResponse>> ListCaptures(CaptureStore captures) =>
        TypedResults.Ok(captures.List().Select(CaptureResponse.From).ToList());

    internal static async Task<Results<Created<CaptureResponse>, ValidationProblem, ProblemHttpResult>> UploadCapture(
        string? name, HttpRequest request, CaptureStore captures, CancellationToken cancellationToken)
    {
        if (!CaptureStore.IsValidName(name))
        {
            var validation = new Validation();
            validation.Add("name", "name is required: letters, digits, '.', '_', '-', at most 128 characters");
            return TypedResults.ValidationProblem(validation.Errors);
        }

        if (captures.Find(name!) is not null)
        {
            return Problems.Conflict($"a recording named '{name}' exists already");
        }

        Directory.CreateDirectory(captures.Directory);
        var basePath = Path.Combine(captures.Directory, StripExtensions(name!));
        Results<Ok<string>, ValidationProblem, ProblemHttpResult> written;
        try
        {
            written = await UploadBody.WriteAsync(request, basePath, name!, cancellationToken);
        }
        catch (IOException) when (captures.Find(name!) is not null)
        {
            return Problems.Conflict($"a recording named '{name}' exists already");
        }

        return written.Result switch
        {
            Ok<string> ok => TypedResults.Created($"{ServiceApi.Prefix}/captures", CaptureResponse.From(new FileInfo(ok.Value!))),
            ValidationProblem problem => problem,
            ProblemHttpResult problem => problem,
            _ => throw new InvalidOperationException("unexpected upload result"),
        };
    }

    private static string StripExtensions(string name)
    {
        foreach (var extension in new[] { Sdr.SigMF.SigMFPaths.ArchiveExtension, Sdr.SigMF.SigMFPaths.MetaExtension })
        {
            if (name.EndsWith(extension, StringComparison.Ordinal))
            {
                return name[..^extension.Length];
            }
        }

        return name;
    }
}
