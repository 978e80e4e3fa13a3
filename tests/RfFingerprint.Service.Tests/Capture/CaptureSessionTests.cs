using System.Net;
using System.Net.Http.Json;
using RfFingerprint.Registry;
using RfFingerprint.Registry.Entities;
using RfFingerprint.Registry.Inputs;
using RfFingerprint.Sdr.SigMF;
using RfFingerprint.Service.Capture;
using RfFingerprint.Service.Contracts;
using RfFingerprint.Service.Tests.Support;

namespace RfFingerprint.Service.Tests.Capture;

/// <summary>Live capture sessions over a recording replayed as if it were the radio.</summary>
public sealed class CaptureSessionTests
{
    private static async Task<ServiceFactory> StartAsync(bool realTime)
    {
        var captures = TestDatabase.NewTempDirectory();
        TestCaptures.CopyInto(captures);
        var settings = TestCaptures.Settings();
        settings["Service:CaptureDirectory"] = captures;
        settings["Capture:Source"] = "sigmf";
        settings["Capture:SigMFPath"] = Path.Combine(captures, TestCaptures.DeviceRecordings[1]);
        settings["Capture:RealTime"] = realTime ? "true" : "false";
        var service = await ServiceFactory.StartAsync(RegistryProvider.Sqlite, settings);
        using var admin = service.ClientFor(ApiKeyRole.Admin);
        var enrol = await admin.PostAsJsonAsync("/api/v1/enrolments", new EnrolRequest(TestCaptures.DeviceNames[0], [TestCaptures.DeviceRecordings[0]], null, null));
        var job = await JobPolling.WaitAsync(admin, (await enrol.Content.ReadFromJsonAsync<JobResponse>())!.Id);
        Assert.True(job.State == "succeeded", job.Error);
        return service;
    }

    [Fact]
    public async Task Session_RecordsEventsBurstsToSigMFAndFeedsTheLiveStream()
    {
        await using var service = await StartAsync(realTime: false);
        using var operatorClient = service.ClientFor(ApiKeyRole.Operator);
        using var feed = await operatorClient.GetAsync("/api/v1/events/stream", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await feed.Content.ReadAsStreamAsync());

        var started = await operatorClient.PostAsJsonAsync("/api/v1/capture-sessions", new CaptureSessionRequest(CaptureRecordMode.Bursts, null, null));
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);

        var status = await WaitUntilStoppedAsync(operatorClient);
        Assert.True(status.State == "stopped", status.Error);
        Assert.True(status.Bursts > 0);
        Assert.True(status.SamplesReceived > 0);
        Assert.Equal(status.Bursts, await service.Registry.CountEventsAsync(new EventQuery { CaptureId = status.CaptureId }));
        using (var recording = SigMFRecording.Open(status.RecordingPath!))
            Assert.Equal(status.Bursts, recording.Metadata.Annotations.Count);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        string? line;
        do
            line = await reader.ReadLineAsync(timeout.Token);
        while (line != "event: decision");
    }

    [Fact]
    public async Task SecondStart_WhileRunning_Is409AndStopEndsTheSession()
    {
        await using var service = await StartAsync(realTime: true);
        using var operatorClient = service.ClientFor(ApiKeyRole.Operator);

        Assert.Equal(HttpStatusCode.OK, (await operatorClient.PostAsJsonAsync("/api/v1/capture-sessions", new CaptureSessionRequest(null, null, null))).StatusCode);
        var again = await operatorClient.PostAsJsonAsync("/api/v1/capture-sessions", new CaptureSessionRequest(null, null, null));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        var stopped = await operatorClient.PostAsync("/api/v1/capture-sessions/stop", null);
        var status = (await stopped.Content.ReadFromJsonAsync<CaptureStatus>())!;
        Assert.Equal("stopped", status.State);
    }

    [Fact]
    public async Task TimedSession_RunsAsAJobAndReportsWhatItCaptured()
    {
        await using var service = await StartAsync(realTime: false);
        using var operatorClient = service.ClientFor(ApiKeyRole.Operator);

        var response = await operatorClient.PostAsJsonAsync("/api/v1/capture-sessions", new CaptureSessionRequest(null, 30, null));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var job = await JobPolling.WaitAsync(operatorClient, (await response.Content.ReadFromJsonAsync<JobResponse>())!.Id);

        Assert.True(job.State == "succeeded", job.Error);
        Assert.Equal("capture-session", job.Kind);
        Assert.True(job.Result!.Value.GetProperty("bursts").GetInt64() > 0);
    }

    [Theory]
    [InlineData("{\"record\":\"video\"}")]
    [InlineData("{\"durationSeconds\":0}")]
    [InlineData("{\"startUtc\":\"2020-01-01T00:00:00Z\",\"durationSeconds\":5}")]
    public async Task Start_WithInvalidFields_Is400(string body)
    {
        await using var service = await ServiceFactory.StartAsync(RegistryProvider.Sqlite);
        using var operatorClient = service.ClientFor(ApiKeyRole.Operator);

        var response = await operatorClient.PostAsync("/api/v1/capture-sessions", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static async Task<CaptureStatus> WaitUntilStoppedAsync(HttpClient client)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(90);
        while (true)
        {
            var status = (await client.GetFromJsonAsync<CaptureStatus>("/api/v1/capture-sessions"))!;
            if (status.State != "running")
                return status;
            Assert.True(DateTimeOffset.UtcNow < deadline, "the capture session did not end");
            await Task.Delay(100);
        }
    }
}
