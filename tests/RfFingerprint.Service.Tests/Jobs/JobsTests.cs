using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RfFingerprint.Registry;
using RfFingerprint.Registry.Entities;
using RfFingerprint.Registry.Inputs;
using Microsoft.Extensions.DependencyInjection;
using RfFingerprint.Service.Contracts;
using RfFingerprint.Service.Live;
using RfFingerprint.Service.Tests.Support;

namespace RfFingerprint.Service.Tests.Jobs;

/// <summary>Enrolment and replay jobs through Quartz's persistent store on real SQLite and PostgreSQL registries.</summary>
public sealed class JobsTests
{
    public static TheoryData<RegistryProvider> Providers => new() { RegistryProvider.Sqlite, RegistryProvider.PostgreSql };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task EnrolThenReplayTwice_RecordsEachBurstOnce(RegistryProvider provider)
    {
        await using var service = await ServiceFactory.StartAsync(provider, TestCaptures.Settings());
        TestCaptures.CopyInto(service.CaptureDirectory);
        using var admin = service.ClientFor(ApiKeyRole.Admin);
        var recording = TestCaptures.DeviceRecordings[0];

        var enrolled = await SubmitAsync(admin, "/api/v1/enrolments", new EnrolRequest(TestCaptures.DeviceNames[0], [recording], null, null));
        Assert.True(enrolled.State == "succeeded", $"enrolment {enrolled.State}: {enrolled.Error}");
        Assert.True(enrolled.Result!.Value.GetProperty("burstsUsed").GetInt32() > 0);

        var first = await SubmitAsync(admin, "/api/v1/replays", new { capture = recording });
        Assert.True(first.State == "succeeded", $"replay {first.State}: {first.Error}");
        var bursts = first.Result!.Value.GetProperty("bursts").GetInt32();
        Assert.True(bursts > 0);
        Assert.Equal(bursts, first.Result!.Value.GetProperty("eventsWritten").GetInt64());

        var second = await SubmitAsync(admin, "/api/v1/replays", new { capture = recording });
        Assert.Equal("succeeded", second.State);
        Assert.Equal(0, second.Result!.Value.GetProperty("eventsWritten").GetInt64());
        Assert.Equal(bursts, await service.Registry.CountEventsAsync(new EventQuery()));
    }

    [Fact]
    public async Task Replay_OfAMissingCapture_Is404AndSubmitsNothing()
    {
        await using var service = await ServiceFactory.StartAsync(RegistryProvider.Sqlite, TestCaptures.Settings());
        using var operatorClient = service.ClientFor(ApiKeyRole.Operator);

        var response = await operatorClient.PostAsJsonAsync("/api/v1/replays", new { capture = "nowhere.sigmf-meta" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty((await operatorClient.GetFromJsonAsync<List<JobResponse>>("/api/v1/jobs"))!);
    }

    [Theory]
    [InlineData("../etc/passwd")]
    [InlineData("/tmp/x.sigmf-meta")]
    [InlineData("")]
    public async Task Replay_RefusesPathsOutsideTheCaptureFolder(string capture)
    {
        await using var service = await ServiceFactory.StartAsync(RegistryProvider.Sqlite, TestCaptures.Settings());
        using var operatorClient = service.ClientFor(ApiKeyRole.Operator);

        var response = await operatorClient.PostAsJsonAsync("/api/v1/replays", new { capture });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Replay_WithNoEnrolledDevice_FailsAfterItsRetriesWithTheReason()
    {
        await using var service = await ServiceFactory.StartAsync(RegistryProvider.Sqlite, TestCaptures.Settings());
        TestCaptures.CopyInto(service.CaptureDirectory);
        using var operatorClient = service.ClientFor(ApiKeyRole.Operator);

        var job = await SubmitAsync(operatorClient, "/api/v1/replays", new { capture = TestCaptures.DeviceRecordings[0] });

        Assert.Equal("failed", job.State);
        Assert.Equal(2, job.Attempt);
        Assert.Contains("enrol", job.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task QueuedReplay_SurvivesAHostRestartAndCompletesWithoutDuplicates(RegistryProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var cleanup = database;
        using var folder = new TempFolder();
        var recording = TestCaptures.DeviceRecordings[0];

        // 1. Enrol, and replay once so the capture's events already exist.
        string captures;
        int bursts;
        var initial = TestCaptures.Settings();
        initial["Service:CaptureDirectory"] = folder.Path;
        await using (var first = await new ServiceFactory(database, initial, ownsDatabase: false).StartAsync())
        {
            captures = first.CaptureDirectory;
            TestCaptures.CopyInto(captures);
            using var admin = first.ClientFor(ApiKeyRole.Admin);
            Assert.Equal("succeeded", (await SubmitAsync(admin, "/api/v1/enrolments", new EnrolRequest(TestCaptures.DeviceNames[0], [recording], null, null))).State);
            var replay = await SubmitAsync(admin, "/api/v1/replays", new { capture = recording });
            bursts = replay.Result!.Value.GetProperty("bursts").GetInt32();
        }

        // 2. A host whose scheduler does not start: the job is only stored.
        string jobId;
        var stopped = TestCaptures.Settings(autoStartJobs: false);
        stopped["Service:CaptureDirectory"] = captures;
        await using (var second = await new ServiceFactory(database, stopped, ownsDatabase: false).StartAsync())
        {
            using var operatorClient = second.ClientFor(ApiKeyRole.Operator);
            var response = await operatorClient.PostAsJsonAsync("/api/v1/replays", new { capture = recording });
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            var queued = (await response.Content.ReadFromJsonAsync<JobResponse>())!;
            Assert.Equal("queued", queued.State);
            jobId = queued.Id;
        }

        // 3. A new host on the same database runs the stored job.
        var running = TestCaptures.Settings();
        running["Service:CaptureDirectory"] = captures;
        await using (var third = await new ServiceFactory(database, running, ownsDatabase: false).StartAsync())
        {
            using var viewer = third.ClientFor(ApiKeyRole.Viewer);
            var job = await JobPolling.WaitAsync(viewer, jobId);
            Assert.True(job.State == "succeeded", $"{job.State}: {job.Error}");
            Assert.Equal(bursts, job.Result!.Value.GetProperty("bursts").GetInt32());
            Assert.Equal(0, job.Result!.Value.GetProperty("eventsWritten").GetInt64());
            Assert.Equal(bursts, await third.Registry.CountEventsAsync(new EventQuery()));
        }
    }

    [Fact]
    public async Task Authenticate_RawCf32Upload_ReturnsOneDecisionPerBurstAndRecordsEachOnce()
    {
        await using var service = await ServiceFactory.StartAsync(RegistryProvider.Sqlite, TestCaptures.Settings());
        TestCaptures.CopyInto(service.CaptureDirectory);
        using var admin = service.ClientFor(ApiKeyRole.Admin);
        Assert.Equal("succeeded", (await SubmitAsync(admin, "/api/v1/enrolments", new EnrolRequest(TestCaptures.DeviceNames[0], [TestCaptures.DeviceRecordings[0]], null, null))).State);
        using var operatorClient = service.ClientFor(ApiKeyRole.Operator);

        var response = await operatorClient.PostAsync("/api/v1/authenticate", RawBody(TestCaptures.RawSamples(1)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = (await response.Content.ReadFromJsonAsync<AuthenticateResponse>())!;
        Assert.True(result.Bursts > 0);
        Assert.Equal(result.Bursts, result.Decisions.Count);
        Assert.Equal(result.Bursts, await service.Registry.CountEventsAsync(new EventQuery()));
    }

    [Fact]
    public async Task Authenticate_PublishesEachDecisionOnTheLiveFeed()
    {
        await using var service = await ServiceFactory.StartAsync(RegistryProvider.Sqlite, TestCaptures.Settings());
        TestCaptures.CopyInto(service.CaptureDirectory);
        using var admin = service.ClientFor(ApiKeyRole.Admin);
        Assert.Equal("succeeded", (await SubmitAsync(admin, "/api/v1/enrolments", new EnrolRequest(TestCaptures.DeviceNames[0], [TestCaptures.DeviceRecordings[0]], null, null))).State);
        using var operatorClient = service.ClientFor(ApiKeyRole.Operator);
        using var subscriber = service.Services.GetRequiredService<DecisionBroadcaster>().Subscribe()!;

        var result = (await (await operatorClient.PostAsync("/api/v1/authenticate", RawBody(TestCaptures.RawSamples(1)))).Content.ReadFromJsonAsync<AuthenticateResponse>())!;

        var published = new List<LiveDecision>();
        while (subscriber.Reader.TryRead(out var decision))
            published.Add(decision);
        Assert.True(result.Bursts > 0);
        Assert.Equal(result.Decisions.Select(d => d.Verdict), published.Select(d => d.Verdict));
    }

    [Fact]
    public async Task Authenticate_SameUploadTwice_RecordsItsEventsOnce()
    {
        await using var service = await ServiceFactory.StartAsync(RegistryProvider.Sqlite, TestCaptures.Settings());
        TestCaptures.CopyInto(service.CaptureDirectory);
        using var admin = service.ClientFor(ApiKeyRole.Admin);
        Assert.Equal("succeeded", (await SubmitAsync(admin, "/api/v1/enrolments", new EnrolRequest(TestCaptures.DeviceNames[0], [TestCaptures.DeviceRecordings[0]], null, null))).State);
        using var operatorClient = service.ClientFor(ApiKeyRole.Operator);
        var samples = TestCaptures.RawSamples(1);

        var first = (await (await operatorClient.PostAsync("/api/v1/authenticate", RawBody(samples))).Content.ReadFromJsonAsync<AuthenticateResponse>())!;
        var second = await operatorClient.PostAsync("/api/v1/authenticate", RawBody(samples));

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(first.Bursts, (await second.Content.ReadFromJsonAsync<AuthenticateResponse>())!.Bursts);
        Assert.Equal(first.Bursts, await service.Registry.CountEventsAsync(new EventQuery()));
    }

    [Fact]
    public async Task Authenticate_RawUploadWithoutSampleRate_Is400NamingTheHeader()
    {
        await using var service = await ServiceFactory.StartAsync(RegistryProvider.Sqlite, TestCaptures.Settings());
        TestCaptures.CopyInto(service.CaptureDirectory);
        using var admin = service.ClientFor(ApiKeyRole.Admin);
        Assert.Equal("succeeded", (await SubmitAsync(admin, "/api/v1/enrolments", new EnrolRequest(TestCaptures.DeviceNames[0], [TestCaptures.DeviceRecordings[0]], null, null))).State);
        var body = new ByteArrayContent(new byte[64]);
        body.Headers.ContentType = new("application/octet-stream");

        var response = await admin.PostAsync("/api/v1/authenticate", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("X-Sample-Rate-Hz", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authenticate_WithoutEnrolments_Is503()
    {
        await using var service = await ServiceFactory.StartAsync(RegistryProvider.Sqlite, TestCaptures.Settings());
        using var operatorClient = service.ClientFor(ApiKeyRole.Operator);
        var body = new ByteArrayContent(new byte[64]);
        body.Headers.ContentType = new("application/octet-stream");
        body.Headers.Add("X-Sample-Rate-Hz", "1000000");

        var response = await operatorClient.PostAsync("/api/v1/authenticate", body);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task UploadCapture_RawCf32_BecomesAListedRecording()
    {
        await using var service = await ServiceFactory.StartAsync(RegistryProvider.Sqlite, TestCaptures.Settings());
        using var operatorClient = service.ClientFor(ApiKeyRole.Operator);
        var body = new ByteArrayContent(TestCaptures.RawSamples(0));
        body.Headers.ContentType = new("application/octet-stream");
        body.Headers.Add("X-Sample-Rate-Hz", "1000000");
        body.Headers.Add("X-Center-Frequency-Hz", "868100000");

        var response = await operatorClient.PostAsync("/api/v1/captures?name=field-1", body);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var listed = (await operatorClient.GetFromJsonAsync<List<CaptureResponse>>("/api/v1/captures"))!;
        Assert.Equal("field-1.sigmf-meta", Assert.Single(listed).Name);
        var again = await operatorClient.PostAsync("/api/v1/captures?name=field-1", new ByteArrayContent(new byte[8]) { Headers = { ContentType = new("application/octet-stream") } });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    private static ByteArrayContent RawBody(byte[] samples)
    {
        var body = new ByteArrayContent(samples);
        body.Headers.ContentType = new("application/octet-stream");
        body.Headers.Add("X-Sample-Rate-Hz", "1000000");
        return body;
    }

    private static async Task<JobResponse> SubmitAsync(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var job = (await response.Content.ReadFromJsonAsync<JobResponse>())!;
        Assert.Equal($"/api/v1/jobs/{job.Id}", response.Headers.Location?.OriginalString);
        return await JobPolling.WaitAsync(client, job.Id);
    }
}
