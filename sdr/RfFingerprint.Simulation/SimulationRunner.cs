using System.Text.Json;
using System.Text.Json.Nodes;
using RfFingerprint.Sdr.SigMF;
using RfFingerprint.Simulation.Randomness;
using RfFingerprint.Simulation.Receiver;

namespace RfFingerprint.Simulation;

/// <summary>
/// Writes simulated SigMF recordings: one per device (<c>devNN.sigmf-meta</c>/<c>.sigmf-data</c>), or one
/// mixed traffic recording from several devices. Same options and seeds give byte-identical files.
/// </summary>
/// <remarks>
/// Layout of a recording: for each burst a capture segment (noise gap, then the burst) whose
/// <c>core:datetime</c> is the burst's virtual time and whose <c>core:global_index</c> is its index in the
/// virtual continuous stream, so the short gaps in the file stand for the minutes between real uplinks;
/// one annotation per burst (label <c>lora</c>, sample range of the whole frame, frequency edges around the
/// true carrier) with the ground truth of <see cref="GroundTruthKeys"/>; the global object holds the
/// simulation settings, the devices' hardware and the receiver under the declared <c>rffp</c> extension.
/// </remarks>
public static class SimulationRunner
{
    /// <summary>Recorder name written to <c>core:recorder</c> and <c>core:generator</c>.</summary>
    public const string Generator = "rffp-simulator";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>Writes one recording per device into <see cref="SimulationOptions.OutputDirectory"/>.</summary>
    /// <exception cref="ArgumentException">Invalid options (the message names the option).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired (files written so far are complete up to the last burst).</exception>
    public static SimulationResult Run(SimulationOptions options, IProgress<SimulationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Directory.CreateDirectory(options.OutputDirectory);
        var population = new DevicePopulation(options.Seed);
        var receiver = options.Receiver ?? population.Receiver(options.CarrierHz);
        var environment = SessionEnvironment.Draw(options.Session);
        var indices = options.ResolvedDeviceIndices;
        var recordings = new SimulatedRecording[indices.Count];
        int burstsTotal = indices.Count * options.BurstsPerDevice;
        int burstsDone = 0, recordingsDone = 0;
        var report = () => progress?.Report(new SimulationProgress(Volatile.Read(ref burstsDone), burstsTotal, Volatile.Read(ref recordingsDone), indices.Count));

        Parallel.For(0, indices.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxDegreeOfParallelism), CancellationToken = cancellationToken }, slot =>
        {
            var device = population.Device(indices[slot]);
            var renderer = new BurstRenderer(options, receiver, environment);
            ulong deviceSession = SeedTree.Derive(options.Session, "device", device.Index);
            var timing = new SeededRandom(SeedTree.Derive(deviceSession, "timing"));
            uint frameCounter = (uint)new SeededRandom(SeedTree.Derive(deviceSession, "fcnt")).NextInt(1000);
            var plans = new List<Func<double, long, BurstPlan>>();
            for (int k = 0; k < options.BurstsPerDevice; k++)
            {
                int burst = k;
                uint claimed = options.DevAddrOverrides.LastOrDefault(d => d.DeviceIndex == device.Index && d.BurstIndex == burst)?.DevAddr ?? device.DevAddr;
                int sf = options.SpreadingFactors[k % options.SpreadingFactors.Count];
                double snr = SnrFor(options, SeedTree.Derive(deviceSession, "burst", k));
                uint fcnt = frameCounter + (uint)k;
                plans.Add((seconds, streamIndex) => new BurstPlan(device, claimed, fcnt, sf, snr, seconds, streamIndex, SeedTree.Derive(deviceSession, "burst", burst)));
            }

            string path = Path.Combine(options.OutputDirectory, device.Name);
            recordings[slot] = WriteRecording(path, options, renderer, receiver, environment, [device], plans, timing, deviceSession, $"Simulated LoRa device {device.Name} ({options.BurstsPerDevice} bursts)",
                () =>
                {
                    Interlocked.Increment(ref burstsDone);
                    report();
                },
                cancellationToken);
            Interlocked.Increment(ref recordingsDone);
            report();
        });

        return new SimulationResult(recordings);
    }

    /// <summary>
    /// Writes one recording in which several devices take turns, in the order of <paramref name="bursts"/>
    /// (<see cref="TrafficBurst.DemoScenario"/> builds the demo: enrolled devices, a rogue device, a spoofed burst).
    /// Device i here is the same transmitter as in <see cref="Run"/> with the same population seed.
    /// </summary>
    /// <param name="options">Population, session, SNR, PHY and output settings (<see cref="SimulationOptions.Devices"/>, <see cref="SimulationOptions.BurstsPerDevice"/> and <see cref="SimulationOptions.DevAddrOverrides"/> are not used).</param>
    /// <param name="bursts">The bursts in order.</param>
    /// <param name="name">Base name of the recording inside the output directory (e.g. <c>traffic</c>).</param>
    /// <param name="progress">Progress reports, per burst.</param>
    /// <param name="cancellationToken">Stops between bursts.</param>
    /// <exception cref="ArgumentException">Invalid options or an empty burst list.</exception>
    public static SimulatedRecording RenderTraffic(SimulationOptions options, IReadOnlyList<TrafficBurst> bursts, string name,
        IProgress<SimulationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(bursts);
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (bursts.Count == 0 || bursts.Any(b => b.DeviceIndex < 0 || b.ClaimedDeviceIndex < 0))
        {
            throw new ArgumentException("Traffic needs at least one burst, with non-negative device indices.", nameof(bursts));
        }

        options.Validate();
        Directory.CreateDirectory(options.OutputDirectory);
        var population = new DevicePopulation(options.Seed);
        var receiver = options.Receiver ?? population.Receiver(options.CarrierHz);
        var environment = SessionEnvironment.Draw(options.Session);
        var renderer = new BurstRenderer(options, receiver, environment);
        ulong trafficSession = SeedTree.Derive(options.Session, "traffic");
        var (devices, plans) = PlanTraffic(options, bursts, population, trafficSession);
        int done = 0;
        var timing = new SeededRandom(SeedTree.Derive(trafficSession, "timing"));
        return WriteRecording(Path.Combine(options.OutputDirectory, name), options, renderer, receiver, environment, devices, plans, timing, trafficSession,
            $"Simulated LoRa traffic from {devices.Count} devices ({bursts.Count} bursts)",
            () => progress?.Report(new SimulationProgress(++done, bursts.Count, 0, 1)),
            cancellationToken);
    }

    /// <summary>Devices heard and burst plans (as functions of the burst's virtual time and stream index) for a traffic list.</summary>
    internal static (List<VirtualDevice> Devices, List<Func<double, long, BurstPlan>> Plans) PlanTraffic(
        SimulationOptions options, IReadOnlyList<TrafficBurst> bursts, DevicePopulation population, ulong trafficSession)
    {
        var devices = bursts.Select(b => b.DeviceIndex).Distinct().Order().Select(population.Device).ToList();
        var byIndex = devices.ToDictionary(d => d.Index);
        var sent = new Dictionary<int, int>();
        var plans = new List<Func<double, long, BurstPlan>>();
        for (int j = 0; j < bursts.Count; j++)
        {
            var device = byIndex[bursts[j].DeviceIndex];
            uint claimed = bursts[j].ClaimedDeviceIndex is { } victim ? population.Device(victim).DevAddr : device.DevAddr;
            int count = sent.GetValueOrDefault(device.Index);
            sent[device.Index] = count + 1;
            ulong seed = SeedTree.Derive(trafficSession, "burst", j);
            uint fcnt = (uint)new SeededRandom(SeedTree.Derive(SeedTree.Derive(trafficSession, "device", device.Index), "fcnt")).NextInt(1000) + (uint)count;
            int sf = options.SpreadingFactors[j % options.SpreadingFactors.Count];
            double snr = SnrFor(options, seed);
            plans.Add((seconds, streamIndex) => new BurstPlan(device, claimed, fcnt, sf, snr, seconds, streamIndex, seed));
        }

        return (devices, plans);
    }

    private static double SnrFor(SimulationOptions options, ulong burstSeed) =>
        options.SnrSpreadDb == 0
            ? options.SnrDb
            : new SeededRandom(SeedTree.Derive(burstSeed, "snr")).Uniform(options.SnrDb - options.SnrSpreadDb, options.SnrDb + options.SnrSpreadDb);

    private static SimulatedRecording WriteRecording(string path, SimulationOptions options, BurstRenderer renderer, ReceiverParameters receiver,
        SessionEnvironment environment, IReadOnlyList<VirtualDevice> devices, List<Func<double, long, BurstPlan>> plans, SeededRandom timing,
        ulong tailSeed, string description, Action burstDone, CancellationToken cancellationToken)
    {
        var global = new SigMFGlobal
        {
            Datatype = options.Datatype,
            SampleRateHz = options.SampleRateHz,
            NumChannels = 1,
            Description = description,
            Hardware = "simulated SX127x-class transmitters, simulated SDR receiver",
            Recorder = Generator,
            Extensions = [new SigMFExtension(SigMFGlobal.ProjectNamespace, "1.0.0")],
            Fields = new Dictionary<string, JsonNode?>(StringComparer.Ordinal)
            {
                [GroundTruthKeys.Simulation] = SimulationNode(options, environment),
                [GroundTruthKeys.Devices] = new JsonArray(devices.Select(DeviceNode).ToArray()),
                [GroundTruthKeys.Receiver] = JsonSerializer.SerializeToNode(receiver, Json),
            },
        };

        using var writer = SigMFRecordingWriter.Create(path, global);
        double seconds = timing.Uniform(0, options.BurstIntervalSeconds);
        double noiseVariance = 0;
        var indices = new HashSet<int>();
        for (int k = 0; k < plans.Count; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            long streamIndex = (long)Math.Round(seconds * options.SampleRateHz);
            var segment = renderer.Render(plans[k](seconds, streamIndex));
            long fileStart = writer.SamplesWritten;
            writer.AddCapture(new SigMFCapture
            {
                SampleStart = fileStart,
                FrequencyHz = options.CarrierHz,
                DateTimeUtc = options.StartTimeUtc.AddSeconds(seconds),
                GlobalIndex = streamIndex,
            });
            writer.Append(segment.Samples);
            double edgeCenter = options.CarrierHz + segment.Truth.TrueCfoHz;
            writer.AddAnnotation(new SigMFAnnotation
            {
                SampleStart = fileStart + segment.BurstOffset,
                SampleCount = segment.BurstLength,
                FreqLowerEdgeHz = Math.Round(edgeCenter - (options.BandwidthHz / 2), 3),
                FreqUpperEdgeHz = Math.Round(edgeCenter + (options.BandwidthHz / 2), 3),
                Label = GroundTruthKeys.BurstLabel,
                Generator = Generator,
                Fields = segment.Truth.ToFields(),
            });
            indices.Add(segment.Truth.DeviceIndex);
            noiseVariance = segment.NoiseVariance;
            double segmentSeconds = segment.Samples.Length / options.SampleRateHz;
            seconds = Math.Max(seconds + segmentSeconds, seconds + (options.BurstIntervalSeconds * timing.Uniform(0.5, 1.5)));
            burstDone();
        }

        // Trailing noise, so the last burst is followed by silence as in a live capture.
        int tail = (int)Math.Round(options.GapMinSeconds * options.SampleRateHz);
        long tailIndex = (long)Math.Round(seconds * options.SampleRateHz);
        writer.Append(renderer.RenderNoise(tail, noiseVariance, SeedTree.Derive(tailSeed, "tail"), tailIndex));
        writer.Complete();
        return new SimulatedRecording(writer.MetaPath, indices.Order().ToArray(), plans.Count, writer.SamplesWritten);
    }

    private static JsonObject SimulationNode(SimulationOptions options, SessionEnvironment environment) => new()
    {
        ["population_seed"] = options.Seed,
        ["session_seed"] = options.Session,
        ["snr_db"] = options.SnrDb,
        ["snr_spread_db"] = options.SnrSpreadDb,
        ["minutes_since_power_on"] = options.MinutesSincePowerOn,
        ["burst_interval_seconds"] = options.BurstIntervalSeconds,
        ["carrier_hz"] = options.CarrierHz,
        ["bandwidth_hz"] = options.BandwidthHz,
        ["spreading_factors"] = new JsonArray(options.SpreadingFactors.Select(sf => (JsonNode?)sf).ToArray()),
        ["coding_rate"] = options.CodingRate,
        ["impairments"] = options.Impairments.ToString(),
        ["channel"] = JsonSerializer.SerializeToNode(options.Channel, Json),
        ["pll_jitter"] = options.PllJitter,
        ["environment"] = JsonSerializer.SerializeToNode(environment, Json),
    };

    private static JsonObject DeviceNode(VirtualDevice device) => new()
    {
        ["index"] = device.Index,
        ["name"] = device.Name,
        ["dev_addr"] = device.DevAddrHex,
        ["nwk_s_key"] = Convert.ToHexString(device.NwkSKey),
        ["app_s_key"] = Convert.ToHexString(device.AppSKey),
        ["hardware"] = JsonSerializer.SerializeToNode(device.Hardware, Json),
    };
}
