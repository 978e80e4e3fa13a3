using System.Globalization;
using System.Text.Json;
using Quartz;
using RfFingerprint.Service.Contracts;

namespace RfFingerprint.Service.Jobs;

/// <summary>
/// Submits the service's jobs to Quartz's persistent store and reads them back (state, progress, result) for the API.
/// </summary>
public sealed class JobScheduler(ISchedulerFactory schedulers, JobProgressTracker tracker)
{
    /// <summary>Quartz job group of every job the service submits.</summary>
    public const string Group = "rffp";

    /// <summary>Most jobs one listing reads.</summary>
    public const int MaxListed = 10_000;

    /// <summary>Stores a durable job of type <typeparamref name="TJob"/> with its request and fires it as soon as a worker is free.</summary>
    public async Task<JobResponse> SubmitAsync<TJob>(string kind, object request, DateTimeOffset? startUtc, CancellationToken cancellationToken)
        where TJob : IJob
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var id = Guid.NewGuid().ToString("N");
        var job = JobBuilder.Create<TJob>()
            .WithIdentity(id, Group)
            .WithDescription(kind)
            .StoreDurably()
            .RequestRecovery()
            .UsingJobData(JobDataKeys.Kind, kind)
            .UsingJobData(JobDataKeys.Request, JsonSerializer.Serialize(request, request.GetType(), ServiceJob<object>.Json))
            .UsingJobData(JobDataKeys.State, JobState.Queued)
            .UsingJobData(JobDataKeys.CreatedUtc, DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture))
            .Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(id, Group)
            .ForJob(job)
            .StartAt(startUtc ?? DateTimeOffset.UtcNow)
            .Build();
        await scheduler.ScheduleJob(job, trigger, cancellationToken: cancellationToken);
        return (await GetAsync(id, cancellationToken))!;
    }

    /// <summary>The job with this id, or null.</summary>
    public async Task<JobResponse?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var detail = await scheduler.GetJobDetail(new JobKey(id, Group), cancellationToken);
        return detail is null ? null : ToResponse(detail);
    }

    /// <summary>Every job, newest first.</summary>
    public async Task<IReadOnlyList<JobResponse>> ListAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        // Quartz pages by name (random ids here), so the newest-first order needs every job: jobs are few and durable.
        var headers = await scheduler.QueryJobs(new JobQuery { Group = GroupMatcher<JobKey>.GroupEquals(Group), Take = MaxListed }, cancellationToken);
        var details = await scheduler.GetJobDetails(headers.Items.Select(h => h.Key).ToList(), cancellationToken);
        return details.Select(ToResponse).OrderByDescending(j => j.CreatedUtc).ToList();
    }

    private JobResponse ToResponse(IJobDetail detail)
    {
        var data = detail.JobDataMap;
        var id = detail.Key.Name;
        var progress = tracker.Get(id);
        var state = progress is not null ? JobState.Running : data.GetString(JobDataKeys.State) ?? JobState.Queued;
        return new JobResponse(
            id,
            data.GetString(JobDataKeys.Kind) ?? "unknown",
            state,
            progress?.Attempt ?? (int.TryParse(data.GetString(JobDataKeys.Attempts), CultureInfo.InvariantCulture, out var attempts) ? attempts : 0),
            progress?.Fraction ?? (state == JobState.Succeeded ? 1 : 0),
            progress?.Message,
            Parse(data.GetString(JobDataKeys.Request)),
            Parse(data.GetString(JobDataKeys.Result)),
            data.GetString(JobDataKeys.Error),
            ParseTime(data.GetString(JobDataKeys.CreatedUtc)) ?? DateTimeOffset.MinValue,
            ParseTime(data.GetString(JobDataKeys.FinishedUtc)));
    }

    private static JsonElement? Parse(string? json) => json is null ? null : JsonDocument.Parse(json).RootElement.Clone();

    private static DateTimeOffset? ParseTime(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time) ? time : null;
}
