using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using RfFingerprint.Registry;
using RfFingerprint.Registry.Entities;
using RfFingerprint.Registry.Inputs;
using RfFingerprint.Sdr.Streaming;
using RfFingerprint.Service.Capture;
using RfFingerprint.Service.Contracts;
using RfFingerprint.Service.Tests.Support;

namespace RfFingerprint.Service.Tests.Capture;

/// <summary>
/// The capture worker fed by a synthetic source much faster than the pipeline (a small, fixed version of the capture
/// benchmark): what the worker cannot take is dropped and counted, and every burst it decided is stored once. The
/// first 16 blocks (1 M samples, several bursts) always fit the empty queue, so some bursts are always decided.
/// </summary>
public sealed class SyntheticCaptureTests
{
    private const long StreamSamples = 6_000_000;

    [Fact]
    public async Task SourceFasterThanThePipeline_DropsAreCountedAndDecidedBurstsStoredOnce()
    {
        var provider = new SyntheticProvider(new SyntheticBurstSourceOptions
        {
            Bursts = TestCaptures.SingleBursts(1),
            Occupancy = 0.3,
            NoiseRms = 0.001,
            TotalSamples = StreamSamples,
            Seed = 3,
        });
        var settings = TestCaptures.Settings();
        settings["Capture:Source"] = SyntheticProvider.SourceName;
        settings["Capture:QueueBlocks"] = "16";
        var database = await TestDatabase.CreateAsync(RegistryProvider.Sqlite);
        await using var service = await new ServiceFactory(database, settings, services: s => s.AddSingleton<IIqSourceProvider>(provider)).StartAsync();
        TestCaptures.CopyInto(service.CaptureDirectory);
        using var admin = service.ClientFor(ApiKeyRole.Admin);
        var enrol = await admin.PostAsJsonAsync("/api/v1/enrolments", new EnrolRequest(TestCaptures.DeviceNames[0], [TestCaptures.DeviceRecordings[0]], null, null));
        Assert.Equal("succeeded", (await JobPolling.WaitAsync(admin, (await enrol.Content.ReadFromJsonAsync<JobResponse>())!.Id)).State);
        var sessions = service.Services.GetRequiredService<CaptureSessionManager>();

        var (_, completion) = sessions.Start(CaptureRecordMode.None, null);
        await completion.WaitAsync(TimeSpan.FromMinutes(2));

        var status = sessions.Status;
        Assert.True(status.State == "stopped", status.Error);
        Assert.Equal(StreamSamples, status.SamplesReceived);
        Assert.True(status.SamplesDropped > 0, "an unpaced source must overflow the 16-block queue");
        Assert.True(status.Bursts > 0 && status.Bursts < provider.Last!.BurstsStarted, $"{status.Bursts} decided of {provider.Last!.BurstsStarted} played, {status.SamplesDropped} samples dropped");
        Assert.Equal(status.Bursts, await service.Registry.CountEventsAsync(new EventQuery { CaptureId = status.CaptureId }));
    }

    private sealed class SyntheticProvider(SyntheticBurstSourceOptions options) : IIqSourceProvider
    {
        public const string SourceName = "synthetic";

        public string Name => SourceName;

        public SyntheticBurstSource? Last { get; private set; }

        public Task<IIqSource> CreateAsync(CancellationToken cancellationToken)
        {
            Last = new SyntheticBurstSource(options);
            return Task.FromResult<IIqSource>(Last);
        }
    }
}
