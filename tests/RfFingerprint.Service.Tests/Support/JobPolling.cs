using System.Net.Http.Json;
using RfFingerprint.Service.Contracts;

namespace RfFingerprint.Service.Tests.Support;

/// <summary>Waits for a job to finish through the API, as a client would.</summary>
public static class JobPolling
{
    public static async Task<JobResponse> WaitAsync(HttpClient client, string jobId, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        while (true)
        {
            var job = (await client.GetFromJsonAsync<JobResponse>($"/api/v1/jobs/{jobId}"))!;
            if (job.State is "succeeded" or "failed")
                return job;
            if (DateTimeOffset.UtcNow > deadline)
                throw new TimeoutException($"job {jobId} still {job.State} (attempt {job.Attempt}, error {job.Error})");
            await Task.Delay(200);
        }
    }
}
