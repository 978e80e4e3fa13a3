using RfFingerprint.Registry;
using RfFingerprint.Registry.Entities;
using RfFingerprint.Registry.Inputs;

namespace RfFingerprint.Cli.Tests.TestSupport;

/// <summary>
/// A SQLite registry file in a temp folder, filled through <see cref="IRegistryStore"/>:
/// <c>meter-a</c> (DevEUI, DevAddr 26011111, enrolled, two "authenticated" events),
/// <c>meter-b</c> (DevAddr 26022222, one "cfo-out-of-range" event) and one "unknown-device" event with no device.
/// Event times are <see cref="T0"/>, +1 h, +2 h, +3 h in that order.
/// </summary>
internal sealed class TestRegistry : IAsyncDisposable
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _directory = new();

    private TestRegistry() => Path = _directory.File("registry.db");

    /// <summary>The SQLite file, to pass as <c>--registry</c>.</summary>
    public string Path { get; }

    public IRegistryStore Store { get; private set; } = null!;

    /// <summary>The one capture every event belongs to.</summary>
    public long CaptureId { get; private set; }

    public static async Task<TestRegistry> CreateAsync()
    {
        var registry = new TestRegistry();
        registry.Store = RegistryStoreFactory.Create(registry.Path);
        await registry.Store.MigrateAsync();
        await registry.FillAsync();
        return registry;
    }

    private async Task FillAsync()
    {
        var a = await Store.UpsertDeviceAsync(new DeviceRegistration { Name = "meter-a", DevEui = "70B3D57ED0000001", DevAddrs = [0x26011111] });
        var b = await Store.UpsertDeviceAsync(new DeviceRegistration { Name = "meter-b", DevAddrs = [0x26022222] });
        var model = await Store.RegisterModelVersionAsync(new ModelVersionInfo("extractor.onnx", new string('a', 64), ModelKind.Embedding, "{}"));
        var capture = await Store.RegisterCaptureAsync(new CaptureInfo("captures/test.sigmf-meta", new string('b', 128), "sigmf", 1e6, 868.1e6, T0));
        CaptureId = capture.Id;
        await Store.UpsertEnrolmentAsync(new EnrolmentData
        {
            DeviceId = a.Id,
            ModelVersionId = model.Id,
            Embeddings = new float[] { 1, 0, 0, 1 },
            EmbeddingDimension = 2,
            Cfo = new CfoStatistics(-1500, 40, -1580, -1420, 2),
            CfoRange = new CfoRange(-1880, -1120),
            CaptureIds = [capture.Id],
        });
        AuthenticationEventData Event(long sampleIndex, double hours, long? deviceId, string verdict, uint? devAddr) => new()
        {
            CaptureId = capture.Id,
            SampleIndex = sampleIndex,
            TimeUtc = T0.AddHours(hours),
            DeviceId = deviceId,
            Verdict = verdict,
            Score = deviceId is null ? null : 0.9,
            CfoHz = -1500,
            SnrDb = 25,
            ClaimedDevAddr = devAddr,
            ModelVersionId = model.Id,
        };
        await Store.InsertEventsAsync(
        [
            Event(1000, 0, a.Id, "authenticated", 0x26011111),
            Event(2000, 1, a.Id, "authenticated", 0x26011111),
            Event(3000, 2, b.Id, "cfo-out-of-range", 0x26022222),
            Event(4000, 3, null, "unknown-device", 0x26099999),
        ]);
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        _directory.Dispose();
    }
}
