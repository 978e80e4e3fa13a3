using RfFingerprint.Registry.Entities;
using RfFingerprint.Registry.Inputs;
using RfFingerprint.Registry.Tests.Support;

namespace RfFingerprint.Registry.Tests.Store;

/// <summary>
/// Behaviour every registry engine must show. Each test runs on a fresh, migrated database of the engine the
/// derived class names (a real SQLite file, or a private schema on the test PostgreSQL server).
/// </summary>
public abstract class RegistryStoreContract(RegistryProvider provider) : IAsyncLifetime
{
    private TestRegistry? _registry;
    private IRegistryStore? _store;

    protected TestRegistry Registry => _registry ?? throw new InvalidOperationException("Not initialised.");

    protected IRegistryStore Store => _store ?? throw new InvalidOperationException("Not initialised.");

    public async Task InitializeAsync()
    {
        _registry = await TestRegistry.CreateAsync(provider);
        _store = _registry.OpenStore();
        await _store.MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        if (_registry is not null)
        {
            await _registry.DisposeAsync();
        }
    }

    [Fact]
    public async Task Migrate_AgainOnAMigratedDatabase_ReportsUpToDate()
    {
        var again = await Store.MigrateAsync();

        Assert.Empty(again.Applied);
        Assert.Equal(1, again.TotalMigrations);
        Assert.Contains("up to date", again.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpsertDevice_SameNameTwice_UpdatesOneRowAndMergesDevAddrs()
    {
        var first = await Store.UpsertDeviceAsync(new DeviceRegistration { Name = "node-1", DevAddrs = [0x49BE7DF1u] });
        var second = await Store.UpsertDeviceAsync(new DeviceRegistration
        {
            Name = "node-1",
            DevEui = "70-b3-d5-7e-d0-00-00-01",
            DevAddrs = [0x260B1234u, 0x49BE7DF1u],
            HardwareNotes = "RAK3172",
        });

        Assert.Equal(first.Id, second.Id);
        Assert.Equal("70B3D57ED0000001", second.DevEui);
        Assert.Equal("RAK3172", second.HardwareNotes);
        Assert.Equal([0x260B1234u, 0x49BE7DF1u], second.Addresses.Select(a => a.DevAddr));
        Assert.Single(await Store.ListDevicesAsync());
    }

    [Fact]
    public async Task UpsertDevice_WithoutOptionalFields_KeepsStoredOnes()
    {
        await Store.UpsertDeviceAsync(new DeviceRegistration { Name = "node-1", DevEui = "70B3D57ED0000001", HardwareNotes = "notes" });

        var updated = await Store.UpsertDeviceAsync(new DeviceRegistration { Name = "node-1" });

        Assert.Equal("70B3D57ED0000001", updated.DevEui);
        Assert.Equal("notes", updated.HardwareNotes);
    }

    [Fact]
    public async Task UpsertDevice_DevEuiOfAnotherDevice_Throws()
    {
        await Store.UpsertDeviceAsync(new DeviceRegistration { Name = "a", DevEui = "70B3D57ED0000001" });

        await Assert.ThrowsAsync<InvalidOperationException>(
            () => Store.UpsertDeviceAsync(new DeviceRegistration { Name = "b", DevEui = "70b3d57ed0000001" }));
    }

    [Fact]
    public async Task UpsertDevice_MalformedDevEui_ThrowsArgumentException()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => Store.UpsertDeviceAsync(new DeviceRegistration { Name = "a", DevEui = "12345" }));

        Assert.Equal("registration", error.ParamName);
    }

    [Fact]
    public async Task FindDevice_ByNameDevAddrAndDevEui_ReturnsTheSameDevice()
    {
        var device = await Store.UpsertDeviceAsync(new DeviceRegistration
        {
            Name = "node-7", DevEui = "0004A30B001C0530", DevAddrs = [0xFFFFFFFFu],
        });

        Assert.Equal(device.Id, (await Store.FindDeviceByNameAsync("node-7"))?.Id);
        Assert.Equal(device.Id, (await Store.FindDeviceByDevAddrAsync(0xFFFFFFFFu))?.Id);
        Assert.Equal(device.Id, (await Store.FindDeviceByDevEuiAsync("00:04:a3:0b:00:1c:05:30"))?.Id);
        Assert.Equal(device.Id, (await Store.GetDeviceAsync(device.Id))?.Id);
        Assert.Null(await Store.FindDeviceByNameAsync("node-8"));
        Assert.Null(await Store.FindDeviceByDevAddrAsync(1));
    }

    [Fact]
    public async Task UpsertDevice_DevAddrOwnedByAnotherDevice_MovesIt()
    {
        var a = await Store.UpsertDeviceAsync(new DeviceRegistration { Name = "a", DevAddrs = [0x01020304u] });
        var b = await Store.UpsertDeviceAsync(new DeviceRegistration { Name = "b", DevAddrs = [0x01020304u] });

        Assert.Equal(b.Id, (await Store.FindDeviceByDevAddrAsync(0x01020304u))?.Id);
        Assert.Empty((await Store.GetDeviceAsync(a.Id))!.Addresses);
    }

    [Fact]
    public async Task RegisterCapture_SameSha512Twice_ReturnsTheFirstRow()
    {
        var info = Samples.Capture("c1");
        var first = await Store.RegisterCaptureAsync(info);

        var again = await Store.RegisterCaptureAsync(info with { Path = "elsewhere.sigmf-data", Sha512 = info.Sha512.ToUpperInvariant() });

        Assert.Equal(first.Id, again.Id);
        Assert.Equal("captures/c1.sigmf-data", again.Path);
        Assert.Equal(Samples.T0, again.StartedUtc);
        Assert.Equal(1_000_000, again.SampleRateHz);
        Assert.Equal(868_100_000, again.FrequencyHz);
        Assert.Equal(first.Id, (await Store.GetCaptureAsync(first.Id))?.Id);
        Assert.Equal(first.Id, (await Store.FindCaptureAsync(info.Sha512))?.Id);
        Assert.Null(await Store.GetCaptureAsync(first.Id + 1));
    }

    [Fact]
    public async Task RegisterModelVersion_SameSha256Twice_ReturnsTheFirstRow()
    {
        var first = await Store.RegisterModelVersionAsync(Samples.Model("m1", ModelKind.Classifier));
        var again = await Store.RegisterModelVersionAsync(Samples.Model("m1") with { FileName = "renamed.onnx" });

        Assert.Equal(first.Id, again.Id);
        Assert.Equal(ModelKind.Classifier, again.Kind);
        Assert.Equal("m1.onnx", again.FileName);
        Assert.Equal("""{"eer":0.02}""", again.MetricsJson);
        Assert.Equal(first.Id, (await Store.FindModelVersionAsync(Samples.Sha256Of("m1")))?.Id);
        Assert.Equal(first.Id, (await Store.GetModelVersionAsync(first.Id))?.Id);
        Assert.Single(await Store.ListModelVersionsAsync());
    }

    [Fact]
    public async Task InsertEvents_ReplayOfTheSameBatch_InsertsNothingNew()
    {
        var capture = await Store.RegisterCaptureAsync(Samples.Capture("replay"));
        var batch = Enumerable.Range(0, 50).Select(i => Samples.Event(capture.Id, i * 10_000L)).ToList();

        var firstRun = await Store.InsertEventsAsync(batch);
        var replay = await Store.InsertEventsAsync(batch);

        Assert.Equal(50, firstRun);
        Assert.Equal(0, replay);
        Assert.Equal(50, await Store.CountEventsAsync(new EventQuery()));
    }

    [Fact]
    public async Task InsertEvents_DuplicateBurstWithinOneBatch_IsStoredOnce()
    {
        var capture = await Store.RegisterCaptureAsync(Samples.Capture("dup"));

        var inserted = await Store.InsertEventsAsync([Samples.Event(capture.Id, 5), Samples.Event(capture.Id, 5), Samples.Event(capture.Id, 6)]);

        Assert.Equal(2, inserted);
    }

    [Fact]
    public async Task InsertEvents_SameSampleIndexInTwoCaptures_AreTwoEvents()
    {
        var a = await Store.RegisterCaptureAsync(Samples.Capture("a"));
        var b = await Store.RegisterCaptureAsync(Samples.Capture("b"));

        var inserted = await Store.InsertEventsAsync([Samples.Event(a.Id, 100), Samples.Event(b.Id, 100)]);

        Assert.Equal(2, inserted);
    }

    [Fact]
    public async Task InsertEvents_ConcurrentOverlappingBatchesFromTwoStores_StoreEachBurstExactlyOnce()
    {
        var capture = await Store.RegisterCaptureAsync(Samples.Capture("concurrent"));
        await using var other = Registry.OpenStore();
        // Writer A: bursts 0..299, writer B: 200..499, in batches of 20; 100 bursts overlap.
        var batchesA = Enumerable.Range(0, 300).Select(i => Samples.Event(capture.Id, i)).Chunk(20).ToList();
        var batchesB = Enumerable.Range(200, 300).Select(i => Samples.Event(capture.Id, i)).Chunk(20).ToList();

        async Task<int> Write(IRegistryStore store, List<AuthenticationEventData[]> batches)
        {
            var total = 0;
            foreach (var batch in batches)
            {
                total += await store.InsertEventsAsync(batch);
            }

            return total;
        }

        var results = await Task.WhenAll(Task.Run(() => Write(Store, batchesA)), Task.Run(() => Write(other, batchesB)));

        Assert.Equal(500, results.Sum());
        Assert.Equal(500, await Store.CountEventsAsync(new EventQuery()));
        var stored = await Store.QueryEventsAsync(new EventQuery { Limit = 1000 });
        Assert.Equal(Enumerable.Range(0, 500).Select(i => (long)i), stored.Select(e => e.SampleIndex).Order());
    }

    [Fact]
    public async Task InsertEvents_TwoProcessesWritingOverlappingBursts_StoreEachBurstExactlyOnce()
    {
        var capture = await Store.RegisterCaptureAsync(Samples.Capture("two-processes"));

        // Process A writes bursts 0..399, process B 250..649: 150 overlap.
        var counts = await Task.WhenAll(
            EventWriterProcess.RunAsync(Registry.ConnectionString, capture.Id, 0, 400),
            EventWriterProcess.RunAsync(Registry.ConnectionString, capture.Id, 250, 400));

        Assert.Equal(650, counts.Sum());
        var stored = await Store.QueryEventsAsync(new EventQuery { CaptureId = capture.Id, Limit = 1000 });
        Assert.Equal(Enumerable.Range(0, 650).Select(i => (long)i), stored.Select(e => e.SampleIndex).Order());
    }

    [Fact]
    public async Task InsertEvents_AllFields_RoundTrip()
    {
        var capture = await Store.RegisterCaptureAsync(Samples.Capture("fields"));
        var model = await Store.RegisterModelVersionAsync(Samples.Model("m"));
        var device = await Store.UpsertDeviceAsync(new DeviceRegistration { Name = "d" });
        var data = Samples.Event(capture.Id, 123_456_789_012L, device.Id) with
        {
            Score = 0.123456789,
            ClaimedDevAddr = 0xDEADBEEFu,
            ClaimedDevEui = "70b3d57ed0000001",
            ModelVersionId = model.Id,
            Spectrogram = [1, 2, 3, 255],
            TimeUtc = Samples.T0.AddTicks(123_4560),
        };

        await Store.InsertEventsAsync([data]);
        var stored = Assert.Single(await Store.QueryEventsAsync(new EventQuery()));

        Assert.Equal(capture.Id, stored.CaptureId);
        Assert.Equal(123_456_789_012L, stored.SampleIndex);
        Assert.Equal(data.TimeUtc, stored.TimeUtc);
        Assert.Equal(device.Id, stored.DeviceId);
        Assert.Equal(0.123456789, stored.Score);
        Assert.Equal("authenticated", stored.Verdict);
        Assert.Equal(-1234.5, stored.CfoHz);
        Assert.Equal(12.25, stored.SnrDb);
        Assert.Equal(0xDEADBEEFu, stored.ClaimedDevAddr);
        Assert.Equal("70B3D57ED0000001", stored.ClaimedDevEui);
        Assert.Equal(model.Id, stored.ModelVersionId);
        Assert.Equal(new byte[] { 1, 2, 3, 255 }, stored.Spectrogram);
    }

    [Fact]
    public async Task QueryEvents_FiltersByDeviceVerdictAndTime_NewestFirst()
    {
        var capture = await Store.RegisterCaptureAsync(Samples.Capture("q"));
        var device = await Store.UpsertDeviceAsync(new DeviceRegistration { Name = "d" });
        await Store.InsertEventsAsync(
        [
            Samples.Event(capture.Id, 1_000, device.Id),
            Samples.Event(capture.Id, 2_000, null, "unknown-device"),
            Samples.Event(capture.Id, 3_000, device.Id, "cfo-out-of-range"),
            Samples.Event(capture.Id, 4_000, device.Id),
        ]);

        var byDevice = await Store.QueryEventsAsync(new EventQuery { DeviceId = device.Id });
        var byVerdict = await Store.QueryEventsAsync(new EventQuery { Verdict = "unknown-device" });
        var since = await Store.QueryEventsAsync(new EventQuery { SinceUtc = Samples.T0.AddMilliseconds(3) });
        var combined = await Store.CountEventsAsync(new EventQuery { DeviceId = device.Id, Verdict = "authenticated" });

        Assert.Equal([4_000L, 3_000L, 1_000L], byDevice.Select(e => e.SampleIndex));
        Assert.Equal([2_000L], byVerdict.Select(e => e.SampleIndex));
        Assert.Equal([4_000L, 3_000L], since.Select(e => e.SampleIndex));
        Assert.Equal(2, combined);
    }

    [Fact]
    public async Task QueryEvents_Paging_ReturnsConsecutivePagesAndAfterIdPolls()
    {
        var capture = await Store.RegisterCaptureAsync(Samples.Capture("paging"));
        await Store.InsertEventsAsync(Enumerable.Range(0, 25).Select(i => Samples.Event(capture.Id, i)).ToList());

        var page1 = await Store.QueryEventsAsync(new EventQuery { Limit = 10 });
        var page3 = await Store.QueryEventsAsync(new EventQuery { Limit = 10, Offset = 20 });
        var newer = await Store.QueryEventsAsync(new EventQuery { AfterId = page1[2].Id });

        Assert.Equal(Enumerable.Range(15, 10).Reverse().Select(i => (long)i), page1.Select(e => e.SampleIndex));
        Assert.Equal(Enumerable.Range(0, 5).Reverse().Select(i => (long)i), page3.Select(e => e.SampleIndex));
        Assert.Equal([24L, 23L], newer.Select(e => e.SampleIndex));
    }

    [Fact]
    public async Task UpsertEnrolment_Reenrolling_UpdatesTheSameRow()
    {
        var (device, model, c1, c2) = await EnrolmentPrerequisitesAsync();
        var first = await Store.UpsertEnrolmentAsync(EmbeddingEnrolment(device, model, seed: 1, [c1.Id]));

        var second = await Store.UpsertEnrolmentAsync(EmbeddingEnrolment(device, model, seed: 2, [c2.Id]) with
        {
            Cfo = new CfoStatistics(100, 5, 90, 110, 40),
        });

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(first.CreatedUtc, second.CreatedUtc);
        Assert.Equal(Samples.RandomEmbeddings(2, 3, 8), second.DecodeEmbeddings());
        Assert.Equal(new CfoStatistics(100, 5, 90, 110, 40), second.Cfo);
        Assert.Equal([c2.Id], second.Captures.Select(c => c.CaptureId));
        Assert.Single(await Store.ListEnrolmentsAsync(model.Id));
    }

    [Fact]
    public async Task UpsertEnrolment_EmbeddingsAndCfoStatistics_RoundTripExactly()
    {
        var (device, model, c1, c2) = await EnrolmentPrerequisitesAsync();
        var embeddings = Samples.RandomEmbeddings(seed: 42, count: 5, dimension: 16);
        embeddings[0] = float.Epsilon;
        embeddings[1] = -0.0f;
        embeddings[2] = float.MaxValue;
        var cfo = new CfoStatistics(-12_345.678901234, 0.1 + 0.2, -12_400.5, -12_290.25, 1_000_000_000_000L);
        var range = new CfoRange(-12_500.125, -12_190.0000001);

        await Store.UpsertEnrolmentAsync(new EnrolmentData
        {
            DeviceId = device.Id,
            ModelVersionId = model.Id,
            Embeddings = embeddings,
            EmbeddingDimension = 16,
            Cfo = cfo,
            CfoRange = range,
            CaptureIds = [c1.Id, c2.Id, c1.Id],
        });
        var stored = await Store.GetEnrolmentAsync(device.Id, model.Id);

        Assert.NotNull(stored);
        Assert.Equal(16, stored.EmbeddingDimension);
        Assert.Equal(5, stored.EmbeddingCount);
        Assert.Equal(embeddings, stored.DecodeEmbeddings());
        Assert.True(float.IsNegative(stored.DecodeEmbeddings()[1]));
        Assert.Null(stored.ClassIndex);
        Assert.Equal(cfo, stored.Cfo);
        Assert.Equal(range, stored.CfoRange);
        Assert.Equal([c1.Id, c2.Id], stored.Captures.Select(c => c.CaptureId).Order());
    }

    [Fact]
    public async Task UpsertEnrolment_Classifier_StoresClassIndexWithoutEmbeddings()
    {
        var (device, _, c1, _) = await EnrolmentPrerequisitesAsync();
        var classifier = await Store.RegisterModelVersionAsync(Samples.Model("cls", ModelKind.Classifier));

        var stored = await Store.UpsertEnrolmentAsync(new EnrolmentData
        {
            DeviceId = device.Id,
            ModelVersionId = classifier.Id,
            ClassIndex = 7,
            Cfo = new CfoStatistics(1, 1, 0, 2, 3),
            CfoRange = new CfoRange(-10, 12),
            CaptureIds = [c1.Id],
        });

        Assert.Equal(7, stored.ClassIndex);
        Assert.Null(stored.Embeddings);
        Assert.Equal(0, stored.EmbeddingCount);
    }

    [Fact]
    public async Task UpsertEnrolment_EmbeddingLengthNotAMultipleOfDimension_Throws()
    {
        var (device, model, _, _) = await EnrolmentPrerequisitesAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Store.UpsertEnrolmentAsync(
            EmbeddingEnrolment(device, model, 1, []) with { EmbeddingDimension = 5 }));

        Assert.Equal("data", error.ParamName);
    }

    [Fact]
    public async Task UpsertEnrolment_UnknownCapture_ThrowsKeyNotFound()
    {
        var (device, model, _, _) = await EnrolmentPrerequisitesAsync();

        await Assert.ThrowsAsync<KeyNotFoundException>(
            () => Store.UpsertEnrolmentAsync(EmbeddingEnrolment(device, model, 1, [987_654])));
    }

    [Fact]
    public async Task UpdateCfoRange_MovesOnlyTheRange()
    {
        var (device, model, c1, _) = await EnrolmentPrerequisitesAsync();
        var enrolment = await Store.UpsertEnrolmentAsync(EmbeddingEnrolment(device, model, 1, [c1.Id]));

        var updated = await Store.UpdateCfoRangeAsync(enrolment.Id, new CfoRange(-2_000, 1_500));
        var stored = await Store.GetEnrolmentAsync(device.Id, model.Id);

        Assert.True(updated);
        Assert.Equal(new CfoRange(-2_000, 1_500), stored!.CfoRange);
        Assert.Equal(enrolment.Cfo, stored.Cfo);
        Assert.False(await Store.UpdateCfoRangeAsync(enrolment.Id + 1000, new CfoRange(0, 1)));
    }

    [Fact]
    public async Task RevokeDevice_KeepsEnrolmentButHidesItFromActiveList()
    {
        var (device, model, c1, _) = await EnrolmentPrerequisitesAsync();
        await Store.UpsertEnrolmentAsync(EmbeddingEnrolment(device, model, 1, [c1.Id]));

        Assert.True(await Store.RevokeDeviceAsync(device.Id));

        Assert.Equal(DeviceStatus.Revoked, (await Store.GetDeviceAsync(device.Id))!.Status);
        Assert.Empty(await Store.ListEnrolmentsAsync(model.Id));
        Assert.Single(await Store.ListEnrolmentsAsync(model.Id, activeDevicesOnly: false));
        Assert.Empty(await Store.ListDevicesAsync(includeRevoked: false));
        Assert.True(await Store.ReactivateDeviceAsync(device.Id));
        Assert.Single(await Store.ListEnrolmentsAsync(model.Id));
    }

    [Fact]
    public async Task DeleteDevice_RemovesEnrolmentsAndAddressesButKeepsEventsUnattributed()
    {
        var (device, model, c1, _) = await EnrolmentPrerequisitesAsync();
        await Store.UpsertDeviceAsync(new DeviceRegistration { Name = device.Name, DevAddrs = [0xABCDEF01u] });
        await Store.UpsertEnrolmentAsync(EmbeddingEnrolment(device, model, 1, [c1.Id]));
        await Store.InsertEventsAsync([Samples.Event(c1.Id, 10, device.Id), Samples.Event(c1.Id, 20, device.Id)]);

        Assert.True(await Store.DeleteDeviceAsync(device.Id));

        Assert.Null(await Store.GetDeviceAsync(device.Id));
        Assert.Null(await Store.FindDeviceByDevAddrAsync(0xABCDEF01u));
        Assert.Null(await Store.GetEnrolmentAsync(device.Id, model.Id));
        var events = await Store.QueryEventsAsync(new EventQuery());
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Null(e.DeviceId));
        Assert.False(await Store.DeleteDeviceAsync(device.Id));
    }

    [Fact]
    public async Task ApiKey_Created_VerifiesToItsRole()
    {
        var created = await Store.CreateApiKeyAsync("ci", ApiKeyRole.Operator);

        var role = await Store.VerifyApiKeyAsync(created.PlaintextKey);

        Assert.Equal(ApiKeyRole.Operator, role);
        Assert.StartsWith("rffp_" + created.Prefix + "_", created.PlaintextKey, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiKey_WrongSecret_DoesNotVerify()
    {
        var created = await Store.CreateApiKeyAsync("ci", ApiKeyRole.Admin);
        var last = created.PlaintextKey[^1];
        var tampered = created.PlaintextKey[..^1] + (last == '0' ? '1' : '0');

        Assert.Null(await Store.VerifyApiKeyAsync(tampered));
        Assert.Null(await Store.VerifyApiKeyAsync("rffp_not-a-key"));
        Assert.Null(await Store.VerifyApiKeyAsync(string.Empty));
    }

    [Fact]
    public async Task ApiKey_Revoked_DoesNotVerify()
    {
        var created = await Store.CreateApiKeyAsync("old", ApiKeyRole.Admin);

        Assert.True(await Store.RevokeApiKeyAsync(created.Prefix));

        Assert.Null(await Store.VerifyApiKeyAsync(created.PlaintextKey));
        Assert.False(await Store.RevokeApiKeyAsync(created.Prefix));
        Assert.NotNull(Assert.Single(await Store.ListApiKeysAsync()).RevokedUtc);
    }

    [Fact]
    public async Task ApiKey_ViewerRole_DoesNotAllowOperatorActions()
    {
        var viewer = await Store.CreateApiKeyAsync("dashboard", ApiKeyRole.Viewer);

        var role = await Store.VerifyApiKeyAsync(viewer.PlaintextKey);

        Assert.Equal(ApiKeyRole.Viewer, role);
        Assert.True(role!.Value.Allows(ApiKeyRole.Viewer));
        Assert.False(role.Value.Allows(ApiKeyRole.Operator));
        Assert.False(role.Value.Allows(ApiKeyRole.Admin));
    }

    [Fact]
    public async Task ApiKey_Listing_NeverContainsTheSecret()
    {
        var created = await Store.CreateApiKeyAsync("ci", ApiKeyRole.Viewer);

        var listed = Assert.Single(await Store.ListApiKeysAsync());

        Assert.Equal(created.Prefix, listed.Prefix);
        Assert.DoesNotContain(created.PlaintextKey[^64..], listed.ToString(), StringComparison.Ordinal);
    }

    private static EnrolmentData EmbeddingEnrolment(Device device, ModelVersion model, int seed, long[] captureIds) => new()
    {
        DeviceId = device.Id,
        ModelVersionId = model.Id,
        Embeddings = Samples.RandomEmbeddings(seed, 3, 8),
        EmbeddingDimension = 8,
        Cfo = new CfoStatistics(-1_000, 20, -1_050, -950, 30),
        CfoRange = new CfoRange(-1_150, -850),
        CaptureIds = captureIds,
    };

    private async Task<(Device Device, ModelVersion Model, Capture C1, Capture C2)> EnrolmentPrerequisitesAsync()
    {
        var device = await Store.UpsertDeviceAsync(new DeviceRegistration { Name = "enrolled" });
        var model = await Store.RegisterModelVersionAsync(Samples.Model("emb"));
        var c1 = await Store.RegisterCaptureAsync(Samples.Capture("e1"));
        var c2 = await Store.RegisterCaptureAsync(Samples.Capture("e2"));
        return (device, model, c1, c2);
    }
}
