using MathNet.Numerics;
using RfFingerprint.Lora.Modulation;
using RfFingerprint.Simulation.Channel;
using RfFingerprint.Simulation.Hardware;
using RfFingerprint.Simulation.Lorawan;
using RfFingerprint.Simulation.Randomness;
using RfFingerprint.Simulation.Receiver;

namespace RfFingerprint.Simulation;

/// <summary>
/// Renders one burst as a receiver records it: LoRaWAN frame → chirps with the device's PLL distortion →
/// PA ramp → phase noise → carrier offset → multipath/Doppler → level → noise gap + AWGN → receiver.
/// </summary>
/// <remarks>
/// Each random choice draws from its own child of the burst seed (payload, gap, PLL jitter, phase noise,
/// carrier phase, channel, noise), so switching one impairment off leaves every other draw unchanged.
/// The receiver gain is set so signal plus noise sit at an RMS of <see cref="TargetRms"/> of full scale.
/// Not thread-safe (caches a frame builder and synthesiser per spreading factor): one renderer per thread.
/// </remarks>
public sealed class BurstRenderer
{
    /// <summary>RMS of signal plus noise at the ADC, as a fraction of full scale (−20 dBFS: headroom for fading peaks).</summary>
    public const double TargetRms = 0.1;

    private readonly SimulationOptions _options;
    private readonly ReceiverParameters _receiver;
    private readonly SessionEnvironment _environment;
    private readonly Dictionary<int, (LoraFrameBuilder Builder, ChirpSynthesizer Synthesizer)> _modems = [];

    /// <summary>Creates a renderer for a set of options, a receiver and a session environment.</summary>
    public BurstRenderer(SimulationOptions options, ReceiverParameters receiver, SessionEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(environment);
        _options = options.Validate();
        _receiver = receiver;
        _environment = environment;
    }

    /// <summary>Renders the gap and burst of <paramref name="plan"/>.</summary>
    public RenderedSegment Render(BurstPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var o = _options;
        var device = plan.Device;
        var hardware = device.Hardware;
        var flags = o.Impairments;

        byte[] phyPayload = BuildFrame(plan);
        var (builder, synthesizer) = Modem(plan.SpreadingFactor);
        var segments = builder.Build(phyPayload);
        int burstLength = synthesizer.SampleCount(segments);
        var burst = new Complex32[burstLength];
        IChirpDistortion? distortion = flags.HasFlag(Impairments.PllDistortion)
            ? new PllChirpDistortion(hardware.Pll.Jittered(Child(plan, "pll"), o.PllJitter), o.BandwidthHz)
            : null;
        synthesizer.Synthesize(segments, burst, distortion);

        if (flags.HasFlag(Impairments.PowerAmplifier))
        {
            hardware.PowerAmplifier.ApplyRamp(burst, o.SampleRateHz);
        }

        if (flags.HasFlag(Impairments.PhaseNoise))
        {
            PhaseNoise.Apply(burst, hardware.Oscillator.PhaseNoiseLinewidthHz, o.SampleRateHz, Child(plan, "phase-noise"));
        }

        var gapRandom = Child(plan, "gap");
        int gap = (int)Math.Round(gapRandom.Uniform(o.GapMinSeconds, o.GapMaxSeconds) * o.SampleRateHz);
        double burstSeconds = plan.SessionSeconds + (gap / o.SampleRateHz);
        double sincePowerOn = (o.MinutesSincePowerOn * 60) + burstSeconds;
        double temperature = _environment.TemperatureOffsetKelvin(burstSeconds);
        double deviceCfoHz = DeviceCfoHz(hardware.Oscillator, sincePowerOn, temperature);
        FrequencyShift.Apply(burst, deviceCfoHz, o.SampleRateHz, 0, Child(plan, "carrier-phase").Uniform(0, 2 * Math.PI));

        MultipathParameters? channel = null;
        if (o.Channel.MultipathEnabled)
        {
            channel = MultipathParameters.Draw(Child(plan, "channel"), o.Channel);
            var faded = new Complex32[burstLength];
            MultipathChannel.Apply(burst, faded, channel, o.SampleRateHz, burstSeconds);
            burst = faded;
        }

        double noiseToSignal = o.Channel.NoiseEnabled ? (o.SampleRateHz / o.BandwidthHz) / Math.Pow(10, plan.SnrDb / 10) : 0;
        double amplitude = TargetRms / Math.Sqrt(1 + noiseToSignal);
        double noiseVariance = amplitude * amplitude * noiseToSignal;
        var samples = new Complex32[gap + burstLength];
        for (int n = 0; n < burstLength; n++)
        {
            samples[gap + n] = burst[n] * (float)amplitude;
        }

        if (noiseVariance > 0)
        {
            AwgnChannel.Add(samples, noiseVariance, Child(plan, "noise"));
        }

        bool receiverOn = flags.HasFlag(Impairments.Receiver);
        if (receiverOn)
        {
            _receiver.Apply(samples, o.SampleRateHz, plan.StreamSampleIndex);
        }

        var p = o.LoraParametersFor(plan.SpreadingFactor);
        var truth = new BurstTruth(
            device.Index, device.Name, device.DevAddr, plan.ClaimedDevAddr, plan.FrameCounter, phyPayload,
            plan.SpreadingFactor, o.BandwidthHz, o.CodingRate, plan.SnrDb,
            TrueCfoHz: deviceCfoHz - (receiverOn ? _receiver.FrequencyOffsetHz : 0),
            DeviceCfoHz: deviceCfoHz,
            SecondsSincePowerOn: sincePowerOn,
            TemperatureOffsetKelvin: temperature,
            Channel: channel,
            PreambleSamples: p.PreambleSymbols * p.SamplesPerSymbol);
        return new RenderedSegment(samples, gap, burstLength, noiseVariance, truth);
    }

    /// <summary>Renders receiver noise alone (the tail after the last burst), with the given variance.</summary>
    public Complex32[] RenderNoise(int length, double noiseVariance, ulong seed, long streamSampleIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        var samples = new Complex32[length];
        if (noiseVariance > 0)
        {
            AwgnChannel.Add(samples, noiseVariance, new SeededRandom(SeedTree.Derive(seed, "noise")));
        }

        if (_options.Impairments.HasFlag(Impairments.Receiver))
        {
            _receiver.Apply(samples, _options.SampleRateHz, streamSampleIndex);
        }

        return samples;
    }

    private double DeviceCfoHz(OscillatorParameters oscillator, double secondsSincePowerOn, double temperatureKelvin)
    {
        var flags = _options.Impairments;
        double carrier = _options.CarrierHz;
        var parts = oscillator with
        {
            CrystalPpm = flags.HasFlag(Impairments.CrystalOffset) ? oscillator.CrystalPpm : 0,
            WarmupFastHz = flags.HasFlag(Impairments.WarmupDrift) ? oscillator.WarmupFastHz : 0,
            WarmupSlowHz = flags.HasFlag(Impairments.WarmupDrift) ? oscillator.WarmupSlowHz : 0,
            TemperatureCoefficientPpmPerKelvin = flags.HasFlag(Impairments.TemperatureDrift) ? oscillator.TemperatureCoefficientPpmPerKelvin : 0,
        };
        return parts.CfoHz(carrier, secondsSincePowerOn, temperatureKelvin);
    }

    private byte[] BuildFrame(BurstPlan plan)
    {
        var random = Child(plan, "payload");
        int length = _options.PayloadBytesMin + random.NextInt(_options.PayloadBytesMax - _options.PayloadBytesMin + 1);
        var application = new byte[length];
        random.NextBytes(application);

        // A spoofer does not hold the victim's keys: it signs with its own, so the MIC fails for the claimed device.
        return LorawanUplinkBuilder.Build(plan.ClaimedDevAddr, plan.FrameCounter, 1, application, plan.Device.NwkSKey, plan.Device.AppSKey);
    }

    private (LoraFrameBuilder, ChirpSynthesizer) Modem(int spreadingFactor)
    {
        if (!_modems.TryGetValue(spreadingFactor, out var modem))
        {
            var p = _options.LoraParametersFor(spreadingFactor);
            modem = (new LoraFrameBuilder(p), new ChirpSynthesizer(p));
            _modems[spreadingFactor] = modem;
        }

        return modem;
    }

    private static SeededRandom Child(BurstPlan plan, string label) => new(SeedTree.Derive(plan.Seed, label));
}
