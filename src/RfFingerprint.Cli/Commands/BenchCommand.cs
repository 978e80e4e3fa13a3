using System.CommandLine;
using System.Globalization;
using RfFingerprint.Cli.Hosting;
using RfFingerprint.Cli.Output;
using RfFingerprint.Lora.Evaluation;
using RfFingerprint.Lora.Receiver;
using Spectre.Console;

namespace RfFingerprint.Cli.Commands;

/// <summary>
/// <c>rffp bench</c>: the LoRa receiver's measured figures, as per-core rates and rates per SNR, on seeded synthetic
/// streams (no radio, no files): <c>receiver</c> for throughput and allocation, <c>sensitivity</c> for detection,
/// decoding and CFO error against the Cramér-Rao bound, <c>noise</c> for false detections on pure noise.
/// </summary>
internal static class BenchCommand
{
    public static Command Create(CliIo io)
    {
        var command = new Command("bench", "Measure the receiver: throughput on one core, sensitivity and CFO accuracy per SNR.")
        {
            CreateReceiver(io), CreateSensitivity(io), CreateNoise(io),
        };
        return command;
    }

    private static Command CreateReceiver(CliIo io)
    {
        var occupancy = new Option<double[]>("--occupancy") { Description = "Shares of the stream taken by bursts.", DefaultValueFactory = _ => [0.1, 0.8], AllowMultipleArgumentsPerToken = true };
        var seconds = new Option<double>("--seconds") { Description = "Stream length per pass, in seconds of 1 MS/s samples.", DefaultValueFactory = _ => 4 };
        var sf = new Option<int[]>("--sf") { Description = "Spreading factors searched at once.", DefaultValueFactory = _ => [7], CustomParser = CliValueParsers.For(CliValueParsers.SpreadingFactors) };
        var command = new Command("receiver", "Detection + synchronisation + decoding throughput of one receiver on one thread (SF7 bursts at +10 dB).") { occupancy, seconds, sf };
        VerbAction.Attach(command, io, (parseResult, _, cancellationToken) =>
        {
            var table = new Table().AddColumn("occupancy").AddColumn(new TableColumn("MS/s (CPU time)").RightAligned())
                .AddColumn(new TableColumn("MS/s (wall)").RightAligned()).AddColumn(new TableColumn("x real time").RightAligned())
                .AddColumn(new TableColumn("bursts").RightAligned()).AddColumn(new TableColumn("CRC OK").RightAligned()).AddColumn(new TableColumn("bytes allocated / burst").RightAligned());
            foreach (var share in parseResult.GetValue(occupancy)!)
            {
                cancellationToken.ThrowIfCancellationRequested();
                io.Error.WriteLine(Invariant($"measuring {share:P0} occupancy ..."));
                var result = ThroughputBenchmark.Run(new ThroughputOptions
                {
                    Occupancy = share,
                    StreamSeconds = parseResult.GetValue(seconds),
                    SpreadingFactors = parseResult.GetValue(sf)!,
                });
                table.AddRow(Invariant($"{result.Occupancy:P0}"), Invariant($"{result.CpuMegaSamplesPerSecond:0.0}"), Invariant($"{result.MegaSamplesPerSecond:0.0}"),
                    Invariant($"{result.RealTimeFactor:0.0}"), Invariant($"{result.Bursts}"), Invariant($"{result.CrcOkBursts}"), Invariant($"{result.AllocatedBytesPerBurst:0}"));
            }

            ResultTables.Write(io, table);
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static Command CreateSensitivity(CliIo io)
    {
        var sf = new Option<int>("--sf") { Description = "Spreading factor.", DefaultValueFactory = _ => 7 };
        var snr = new Option<double[]>("--snr-db") { Description = "In-band SNRs to test.", DefaultValueFactory = _ => [-8, -6, -5, 0, 10, 20], AllowMultipleArgumentsPerToken = true };
        var frames = new Option<int>("--frames") { Description = "Frames per SNR point.", DefaultValueFactory = _ => 200 };
        var seed = new Option<int>("--seed") { Description = "Seed of the synthetic streams.", DefaultValueFactory = _ => 1 };
        var command = new Command("sensitivity",
            "Detection, CRC-OK rate and CFO error per SNR (16-byte payloads, CR 4/5, CFO uniform in ±20 kHz, random timing and phase, AWGN), with the Cramér-Rao bound.")
        {
            sf, snr, frames, seed,
        };
        VerbAction.Attach(command, io, (parseResult, _, cancellationToken) =>
        {
            var spreadingFactor = parseResult.GetValue(sf);
            var options = new ReceiverEvaluationOptions
            {
                SpreadingFactor = spreadingFactor,
                SnrDb = parseResult.GetValue(snr)!,
                FramesPerPoint = parseResult.GetValue(frames),
                Seed = parseResult.GetValue(seed),
                Receiver = new LoraReceiverOptions { SpreadingFactors = [spreadingFactor] },
            };
            var rows = ReceiverEvaluation.Run(options, row => io.Error.WriteLine(Invariant($"SNR {row.SnrDb:0.0} dB done")));
            var table = new Table().AddColumn(new TableColumn("SNR dB").RightAligned()).AddColumn(new TableColumn("detected").RightAligned())
                .AddColumn(new TableColumn("CRC OK").RightAligned()).AddColumn(new TableColumn("CFO RMSE Hz").RightAligned())
                .AddColumn(new TableColumn("CRB Hz").RightAligned()).AddColumn(new TableColumn("RMSE / CRB").RightAligned())
                .AddColumn(new TableColumn("whole-bin slips").RightAligned()).AddColumn(new TableColumn("CFO RMSE synchronised Hz").RightAligned());
            foreach (var row in rows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                table.AddRow(Invariant($"{row.SnrDb:0.0}"), Invariant($"{row.DetectionRate:P1}"), Invariant($"{row.CrcOkRate:P1}"), Invariant($"{row.CfoRmseHz:0.00}"),
                    Invariant($"{row.CfoCrbHz:0.00}"), Invariant($"{row.CfoRmseHz / row.CfoCrbHz:0.00}"), Invariant($"{row.Slips}"), Invariant($"{row.SynchronisedCfoRmseHz:0.00}"));
            }

            ResultTables.Write(io, table);
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static Command CreateNoise(CliIo io)
    {
        var seconds = new Option<double>("--seconds") { Description = "Seconds of complex white Gaussian noise at 1 MS/s.", DefaultValueFactory = _ => 600 };
        var sf = new Option<int[]>("--sf") { Description = "Spreading factors searched at once.", DefaultValueFactory = _ => [7], CustomParser = CliValueParsers.For(CliValueParsers.SpreadingFactors) };
        var seed = new Option<int>("--seed") { Description = "Seed of the noise.", DefaultValueFactory = _ => 1 };
        var command = new Command("noise", "False detections: feeds pure noise to the receiver and counts preamble detections and reported bursts.") { seconds, sf, seed };
        VerbAction.Attach(command, io, (parseResult, _, cancellationToken) =>
        {
            var result = ReceiverEvaluation.FalseAlarms(new LoraReceiverOptions { SpreadingFactors = parseResult.GetValue(sf)! }, parseResult.GetValue(seconds), parseResult.GetValue(seed));
            var table = new Table().AddColumn(new TableColumn("seconds").RightAligned()).AddColumn(new TableColumn("preamble detections").RightAligned())
                .AddColumn(new TableColumn("bursts reported").RightAligned()).AddColumn(new TableColumn("bursts / 10 min").RightAligned());
            table.AddRow(Invariant($"{result.Seconds:0.#}"), Invariant($"{result.Detections}"), Invariant($"{result.Bursts}"), Invariant($"{result.BurstsPerTenMinutes:0.##}"));
            ResultTables.Write(io, table);
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
