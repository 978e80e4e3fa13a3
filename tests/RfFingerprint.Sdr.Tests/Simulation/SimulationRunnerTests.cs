using System.Text.Json.Nodes;
using MathNet.Numerics;
using RfFingerprint.Sdr.SigMF;
using RfFingerprint.Simulation;
using RfFingerprint.Simulation.Channel;
using RfFingerprint.Simulation.Receiver;

namespace RfFingerprint.Sdr.Tests.Simulation;

public sealed class SimulationRunnerTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public void Same_options_give_byte_identical_recordings()
    {
        var a = SimulationRunner.Run(SimulationTestData.Small(_dir.File("a")));
        var b = SimulationRunner.Run(SimulationTestData.Small(_dir.File("b")) with { MaxDegreeOfParallelism = 2 });

        for (int i = 0; i < a.Recordings.Count; i++)
        {
            Assert.Equal(File.ReadAllBytes(SigMFPaths.DataPath(a.Recordings[i].MetaPath)), File.ReadAllBytes(SigMFPaths.DataPath(b.Recordings[i].MetaPath)));
            Assert.Equal(File.ReadAllText(a.Recordings[i].MetaPath), File.ReadAllText(b.Recordings[i].MetaPath));
        }
    }

    [Fact]
    public void Writes_one_valid_recording_per_device_named_devNN()
    {
        var result = SimulationRunner.Run(SimulationTestData.Small(_dir.Path) with { Devices = 3 });

        Assert.Equal(["dev00.sigmf-meta", "dev01.sigmf-meta", "dev02.sigmf-meta"], result.Recordings.Select(r => Path.GetFileName(r.MetaPath)));
        foreach (var recording in result.Recordings)
        {
            using var opened = SigMFRecording.Open(recording.MetaPath, new SigMFOpenOptions { VerifySha512 = true });
            Assert.Equal(2, opened.Metadata.Annotations.Count);
            Assert.Equal(2, opened.Metadata.Captures.Count);
            Assert.Equal(recording.SampleCount, opened.SampleCount);
        }
    }

    [Fact]
    public void A_different_session_changes_the_samples_but_not_the_devices()
    {
        var first = SimulationRunner.Run(SimulationTestData.Small(_dir.File("s1")) with { Session = 1 });
        var second = SimulationRunner.Run(SimulationTestData.Small(_dir.File("s2")) with { Session = 2 });
        using var a = SigMFRecording.Open(first.Recordings[0].MetaPath);
        using var b = SigMFRecording.Open(second.Recordings[0].MetaPath);

        Assert.NotEqual(SimulationTestData.Burst(a, 0), SimulationTestData.Burst(b, 0));
        Assert.Equal(a.Metadata.Global.Fields[GroundTruthKeys.Devices]!.ToJsonString(), b.Metadata.Global.Fields[GroundTruthKeys.Devices]!.ToJsonString());
    }

    [Fact]
    public void A_device_has_the_same_hardware_whatever_the_population_size()
    {
        var small = SimulationRunner.Run(SimulationTestData.Small(_dir.File("n2")) with { Devices = 2 });
        var single = SimulationRunner.Run(SimulationTestData.Small(_dir.File("only1")) with { DeviceIndices = [1] });
        using var a = SigMFRecording.Open(small.Recordings[1].MetaPath);
        using var b = SigMFRecording.Open(single.Recordings[0].MetaPath);

        Assert.Equal("dev01.sigmf-meta", Path.GetFileName(single.Recordings[0].MetaPath));
        Assert.Equal(a.Metadata.Global.Fields[GroundTruthKeys.Devices]!.ToJsonString(), b.Metadata.Global.Fields[GroundTruthKeys.Devices]!.ToJsonString());
        Assert.Equal(SimulationTestData.Burst(a, 0), SimulationTestData.Burst(b, 0));
    }

    [Fact]
    public void With_every_impairment_off_a_burst_is_the_ideal_waveform_at_the_target_level()
    {
        var options = SimulationTestData.Small(_dir.Path) with { Impairments = Impairments.None, Channel = ChannelOptions.Default with { NoiseEnabled = false, MultipathEnabled = false } };
        var result = SimulationRunner.Run(options);
        using var recording = SigMFRecording.Open(result.Recordings[0].MetaPath);

        var burst = SimulationTestData.Burst(recording, 1);
        var ideal = SimulationTestData.Ideal(recording, 1, options);

        Assert.Equal(ideal.Length, burst.Length);
        var rotation = burst[0] / ideal[0];
        Assert.Equal(BurstRenderer.TargetRms, rotation.Magnitude, 4);
        for (int n = 0; n < burst.Length; n++)
        {
            Assert.True((burst[n] - (rotation * ideal[n])).Magnitude < 1e-4, $"sample {n} differs");
        }
    }

    [Fact]
    public void True_cfo_is_the_device_offset_minus_the_receiver_offset_and_is_what_the_samples_show()
    {
        var receiver = new ReceiverParameters(FrequencyOffsetHz: 500, 0, 0, 0, 0, AdcBits: 0, FullScale: 1);
        var options = SimulationTestData.Small(_dir.Path) with
        {
            Impairments = Impairments.CrystalOffset | Impairments.WarmupDrift | Impairments.Receiver,
            Receiver = receiver,
            Channel = ChannelOptions.NoiseOnly with { NoiseEnabled = false },
        };
        var result = SimulationRunner.Run(options);
        using var recording = SigMFRecording.Open(result.Recordings[1].MetaPath);
        var fields = recording.Metadata.Annotations[0].Fields;
        double trueCfo = fields[GroundTruthKeys.TrueCfoHz]!.GetValue<double>();
        double deviceCfo = fields[GroundTruthKeys.DeviceCfoHz]!.GetValue<double>();

        var error = SimulationTestData.FrequencyError(SimulationTestData.Burst(recording, 0), SimulationTestData.Ideal(recording, 0, options), 8192);
        double measuredHz = error.Average() * options.SampleRateHz / (2 * Math.PI);

        Assert.Equal(deviceCfo - 500, trueCfo, 2);
        Assert.Equal(trueCfo, measuredHz, 0);
    }

    [Fact]
    public void Noise_in_the_gaps_matches_the_in_band_snr()
    {
        var options = SimulationTestData.Small(_dir.Path) with
        {
            Impairments = Impairments.None,
            Channel = ChannelOptions.NoiseOnly,
            SnrDb = 10,
            GapMinSeconds = 0.02,
            GapMaxSeconds = 0.02,
        };
        var result = SimulationRunner.Run(options);
        using var recording = SigMFRecording.Open(result.Recordings[0].MetaPath);
        var gap = recording.ReadSamples(0, 20_000);
        var burst = SimulationTestData.Burst(recording, 0);

        double noiseVariance = gap.Average(s => (double)s.MagnitudeSquared);
        double totalPower = burst.Average(s => (double)s.MagnitudeSquared);
        double signalPower = totalPower - noiseVariance;
        double inBandSnrDb = 10 * Math.Log10(signalPower / (noiseVariance * options.BandwidthHz / options.SampleRateHz));

        Assert.InRange(inBandSnrDb, 9.8, 10.2);
    }

    [Fact]
    public void The_pll_fingerprint_varies_less_between_bursts_of_a_device_than_between_devices()
    {
        var options = SimulationTestData.Small(_dir.Path) with { Impairments = Impairments.PllDistortion, Channel = ChannelOptions.NoiseOnly with { NoiseEnabled = false } };
        var result = SimulationRunner.Run(options);
        using var device0 = SigMFRecording.Open(result.Recordings[0].MetaPath);
        using var device1 = SigMFRecording.Open(result.Recordings[1].MetaPath);
        const int Preamble = 8 * 1024;

        double[] Fingerprint(SigMFRecording r, int burst) =>
            SimulationTestData.FrequencyError(SimulationTestData.Burst(r, burst), SimulationTestData.Ideal(r, burst, options), Preamble);
        static double Distance(double[] a, double[] b) => Math.Sqrt(a.Zip(b, (x, y) => (x - y) * (x - y)).Sum());

        double within = Distance(Fingerprint(device0, 0), Fingerprint(device0, 1));
        double between = Distance(Fingerprint(device0, 0), Fingerprint(device1, 0));

        Assert.True(within < 0.2 * between, $"within-device {within:F3} vs between-device {between:F3}");
    }

    [Fact]
    public void Annotations_carry_the_ground_truth()
    {
        var result = SimulationRunner.Run(SimulationTestData.Small(_dir.Path));
        using var recording = SigMFRecording.Open(result.Recordings[1].MetaPath);
        var annotation = recording.Metadata.Annotations[0];
        var device = new DevicePopulation(1).Device(1);

        Assert.Equal(GroundTruthKeys.BurstLabel, annotation.Label);
        Assert.Equal(1, annotation.Fields[GroundTruthKeys.DeviceIndex]!.GetValue<int>());
        Assert.Equal(device.DevAddrHex, annotation.Fields[GroundTruthKeys.DevAddr]!.GetValue<string>());
        Assert.Equal(device.DevAddrHex, annotation.Fields[GroundTruthKeys.ClaimedDevAddr]!.GetValue<string>());
        Assert.False(annotation.Fields[GroundTruthKeys.Spoofed]!.GetValue<bool>());
        Assert.Equal(30, annotation.Fields[GroundTruthKeys.SnrDb]!.GetValue<double>());
        Assert.Equal(8 * 1024, annotation.Fields[GroundTruthKeys.PreambleSamples]!.GetValue<int>());
        Assert.NotNull(annotation.Fields[GroundTruthKeys.Channel]);
        Assert.NotNull(annotation.FreqLowerEdgeHz);
        Assert.Contains(recording.Metadata.Global.Extensions, e => e.Name == "rffp");
    }

    [Fact]
    public void A_dev_addr_override_makes_that_burst_claim_another_address()
    {
        var options = SimulationTestData.Small(_dir.Path) with { DevAddrOverrides = [new DevAddrOverride(0, 1, 0x26ABCDEF)] };
        var result = SimulationRunner.Run(options);
        using var recording = SigMFRecording.Open(result.Recordings[0].MetaPath);
        var spoofed = recording.Metadata.Annotations[1].Fields;
        var payload = Convert.FromHexString(spoofed[GroundTruthKeys.PhyPayload]!.GetValue<string>());

        Assert.False(recording.Metadata.Annotations[0].Fields[GroundTruthKeys.Spoofed]!.GetValue<bool>());
        Assert.True(spoofed[GroundTruthKeys.Spoofed]!.GetValue<bool>());
        Assert.Equal("26ABCDEF", spoofed[GroundTruthKeys.ClaimedDevAddr]!.GetValue<string>());
        Assert.Equal([0x40, 0xEF, 0xCD, 0xAB, 0x26], payload[..5]);
    }

    [Fact]
    public void Demo_traffic_mixes_devices_and_marks_the_spoofed_burst()
    {
        var scenario = TrafficBurst.DemoScenario([0, 1], rogueDevice: 5, spooferIndex: 0, victimIndex: 1, burstsPerDevice: 1);

        var traffic = SimulationRunner.RenderTraffic(SimulationTestData.Small(_dir.Path), scenario, "traffic");
        using var recording = SigMFRecording.Open(traffic.MetaPath);
        var annotations = recording.Metadata.Annotations;
        var population = new DevicePopulation(1);

        Assert.Equal([0, 1, 5], traffic.DeviceIndices);
        Assert.Equal([0, 1, 5, 0], annotations.Select(a => a.Fields[GroundTruthKeys.DeviceIndex]!.GetValue<int>()));
        Assert.Equal([false, false, false, true], annotations.Select(a => a.Fields[GroundTruthKeys.Spoofed]!.GetValue<bool>()));
        Assert.Equal(population.Device(1).DevAddrHex, annotations[3].Fields[GroundTruthKeys.ClaimedDevAddr]!.GetValue<string>());
        Assert.Equal(3, recording.Metadata.Global.Fields[GroundTruthKeys.Devices]!.AsArray().Count);
    }

    [Fact]
    public async Task Replaying_with_global_indices_puts_bursts_at_their_virtual_times()
    {
        var options = SimulationTestData.Small(_dir.Path) with { BurstIntervalSeconds = 10 };
        var result = SimulationRunner.Run(options);

        await using var source = SigMFFileSource.Open(result.Recordings[0].MetaPath, new SigMFReplayOptions { FollowGlobalIndex = true });
        var blocks = new List<Sdr.Streaming.IqBlock>();
        await foreach (var block in source.ReadAsync())
        {
            blocks.Add(block with { Samples = ReadOnlyMemory<Complex32>.Empty });
        }

        Assert.True(blocks.Any(b => b.SamplesLostBefore > 4_000_000), "bursts about 10 s apart should leave a multi-second gap");
        Assert.All(blocks.Zip(blocks.Skip(1)), pair => Assert.True(pair.Second.FirstSampleIndex > pair.First.FirstSampleIndex));
    }

    [Fact]
    public void Invalid_options_name_the_option()
    {
        var ex = Assert.Throws<ArgumentException>(() => SimulationRunner.Run(SimulationTestData.Small(_dir.Path) with { SpreadingFactors = [13] }));

        Assert.Equal("SpreadingFactors", ex.ParamName);
    }

    public void Dispose() => _dir.Dispose();
}
