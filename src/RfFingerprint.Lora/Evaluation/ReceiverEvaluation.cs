using RfFingerprint.Lora.Receiver;

namespace RfFingerprint.Lora.Evaluation;

/// <summary>Measures detection, decoding and CFO accuracy of <see cref="LoraReceiver"/> on generated frames.</summary>
/// <remarks>
/// Each SNR point streams <see cref="ReceiverEvaluationOptions.FramesPerPoint"/> frames (random payload, CFO, fractional
/// timing and phase, AWGN) through a fresh receiver in blocks of varying size. A burst matches a frame when its start
/// is within half a symbol of the truth. The CRB for the CFO is that of a tone of N = P·2^SF·oversampling samples at the
/// per-sample SNR (in-band SNR / oversampling): var ≥ 6·fs² / ((2π)²·SNR·N·(N² − 1)) (SIGNALS.md).
/// </remarks>
public static class ReceiverEvaluation
{
    /// <summary>Runs the sweep; <paramref name="progress"/> (optional) receives each row as it completes.</summary>
    public static IReadOnlyList<ReceiverEvaluationRow> Run(ReceiverEvaluationOptions options, Action<ReceiverEvaluationRow>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var rows = new List<ReceiverEvaluationRow>();
        for (var i = 0; i < options.SnrDb.Count; i++)
        {
            var row = RunPoint(options, options.SnrDb[i], options.Seed + i);
            rows.Add(row);
            progress?.Invoke(row);
        }

        return rows;
    }

    /// <summary>
    /// Feeds <paramref name="seconds"/> of complex white Gaussian noise (generated in chunks, constant memory) to a receiver
    /// built from <paramref name="receiverOptions"/> and counts what it reports.
    /// </summary>
    public static FalseAlarmResult FalseAlarms(LoraReceiverOptions receiverOptions, double seconds, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(receiverOptions);
        var receiver = new LoraReceiver(receiverOptions with { CopyPreamble = false });
        var random = new Random(seed);
        var chunk = new MathNet.Numerics.Complex32[1 << 20];
        var total = (long)(seconds * receiverOptions.SampleRateHz);
        long bursts = 0;
        void Count(LoraBurst burst) => bursts++;
        for (long position = 0; position < total; position += chunk.Length)
        {
            var length = (int)Math.Min(chunk.Length, total - position);
            var span = chunk.AsSpan(0, length);
            span.Clear();
            BurstStreamGenerator.AddNoise(span, 1, random);
            receiver.Process(span, position, Count);
        }

        receiver.Flush(Count);
        return new FalseAlarmResult(seconds, receiver.Statistics.Detections, bursts, bursts * 600 / seconds);
    }

    /// <summary>The CFO Cramér-Rao bound (standard deviation, Hz) for a preamble of <paramref name="parameters"/> at in-band <paramref name="snrDb"/>.</summary>
    public static double CfoCramerRaoBoundHz(LoraParameters parameters, double snrDb)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var n = (double)parameters.PreambleSymbols * parameters.SamplesPerSymbol;
        var snrPerSample = Math.Pow(10, snrDb / 10) / parameters.Oversampling;
        var fs = parameters.SampleRateHz;
        return Math.Sqrt(6 * fs * fs / (4 * Math.PI * Math.PI * snrPerSample * n * ((n * n) - 1)));
    }

    private static ReceiverEvaluationRow RunPoint(ReceiverEvaluationOptions options, double snrDb, int seed)
    {
        var parameters = new LoraParameters
        {
            SpreadingFactor = options.SpreadingFactor,
            BandwidthHz = options.BandwidthHz,
            SampleRateHz = options.SampleRateHz,
            CodingRate = options.CodingRate,
        };
        var generator = new BurstStreamGenerator(new StreamScenario
        {
            Parameters = parameters,
            FrameCount = options.FramesPerPoint,
            PayloadLength = options.PayloadLength,
            SnrDb = snrDb,
            MaxCfoHz = options.MaxCfoHz,
            SampleClockOffsetPpm = options.SampleClockOffsetPpm,
            Occupancy = options.Occupancy,
            Seed = seed,
        });
        var receiver = new LoraReceiver(options.Receiver with
        {
            SpreadingFactors = [options.SpreadingFactor],
            BandwidthHz = options.BandwidthHz,
            SampleRateHz = options.SampleRateHz,
            CopyPreamble = false,
        });

        var frames = new List<GeneratedFrame>();
        var bursts = new List<LoraBurst>();
        var blockRandom = new Random(seed ^ 0x5EED);
        void Keep(LoraBurst burst) => bursts.Add(burst with { Preamble = default });
        while (true)
        {
            var finished = generator.Finished;
            var start = generator.Position;
            var (samples, frame) = generator.NextSegment();
            if (frame is not null)
            {
                frames.Add(frame);
            }

            var offset = 0;
            while (offset < samples.Length)
            {
                var length = Math.Min(samples.Length - offset, blockRandom.Next(1_000, 100_000));
                receiver.Process(samples.AsSpan(offset, length), start + offset, Keep);
                offset += length;
            }

            if (finished)
            {
                break;
            }
        }

        receiver.Flush(Keep);
        return Score(parameters, options, snrDb, frames, bursts);
    }

    private static ReceiverEvaluationRow Score(LoraParameters parameters, ReceiverEvaluationOptions options, double snrDb, List<GeneratedFrame> frames, List<LoraBurst> bursts)
    {
        var tolerance = parameters.SamplesPerSymbol / 2.0;
        var halfBinHz = parameters.BinSpacingHz / 2;
        int detected = 0, crcOk = 0, slips = 0, synchronised = 0, synchronisedSlips = 0;
        double cfoSquares = 0, timingSquares = 0, snrSum = 0, synchronisedSquares = 0;
        var matched = new bool[bursts.Count];
        foreach (var frame in frames)
        {
            var index = bursts.FindIndex(b => Math.Abs(b.SampleStart + b.StoSamples - frame.StartSamples) < tolerance);
            if (index < 0)
            {
                continue;
            }

            matched[index] = true;
            var burst = bursts[index];
            detected++;
            var cfoError = burst.CfoHz - frame.CfoHz;
            cfoSquares += cfoError * cfoError;
            slips += Math.Abs(cfoError) > halfBinHz ? 1 : 0;
            if (burst.HeaderOk)
            {
                synchronised++;
                synchronisedSquares += cfoError * cfoError;
                synchronisedSlips += Math.Abs(cfoError) > halfBinHz ? 1 : 0;
            }

            var timingError = burst.SampleStart + burst.StoSamples - frame.StartSamples;
            timingSquares += timingError * timingError;
            snrSum += burst.SnrDb;
            if (burst.CrcOk == true && burst.Payload.AsSpan().SequenceEqual(frame.Payload))
            {
                crcOk++;
            }
        }

        var count = Math.Max(detected, 1);
        return new ReceiverEvaluationRow(
            snrDb,
            frames.Count,
            (double)detected / frames.Count,
            (double)crcOk / frames.Count,
            Math.Sqrt(cfoSquares / count),
            CfoCramerRaoBoundHz(parameters, snrDb),
            slips,
            Math.Sqrt(timingSquares / count),
            snrSum / count,
            matched.Count(m => !m),
            Math.Sqrt(synchronisedSquares / Math.Max(synchronised, 1)),
            synchronisedSlips);
    }
}
