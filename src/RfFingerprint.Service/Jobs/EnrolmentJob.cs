using RfFingerprint.Pipeline.UseCases;
using RfFingerprint.Service.Processing;
using RfFingerprint.Service.Telemetry;

namespace RfFingerprint.Service.Jobs;

/// <summary>Enrols (or re-enrols) a device from recordings of the capture folder.</summary>
public sealed class EnrolmentJob(
    PipelineProvider pipelines,
    CaptureStore captures,
    JobProgressTracker tracker,
    ServiceMetrics metrics,
    ILogger<EnrolmentJob> logger)
    : ServiceJob<EnrolmentJobRequest>(tracker, metrics, logger)
{
    protected override async Task<object> RunAsync(EnrolmentJobRequest request, JobContext context, CancellationToken cancellationToken)
    {
        var paths = request.Captures
            .Select(name => captures.Find(name) ?? throw new FileNotFoundException($"capture '{name}' is not in the capture folder"))
            .ToList();
        var enrolment = pipelines.CreateEnrolment();
        var progress = new Progress<CaptureProgress>(p =>
            context.Progress(p.SamplesTotal > 0 ? (double)p.SamplesDone / p.SamplesTotal : 0, $"{p.Capture}: {p.Bursts} bursts"));
        var result = await enrolment.EnrolAsync(
            new EnrolmentRequest(request.DeviceName, paths, request.DevEui, request.DevAddrs), progress, cancellationToken);
        pipelines.InvalidateEnrolments();
        return result;
    }
}

/// <summary>What an enrolment job enrols.</summary>
/// <param name="DeviceName">Device name (created when new).</param>
/// <param name="Captures">Names of recordings in the capture folder.</param>
/// <param name="DevEui">DevEUI the device may claim (16 upper-case hex digits), or null.</param>
/// <param name="DevAddrs">DevAddrs the device may claim, or null.</param>
public sealed record EnrolmentJobRequest(string DeviceName, IReadOnlyList<string> Captures, string? DevEui, IReadOnlyList<uint>? DevAddrs);
