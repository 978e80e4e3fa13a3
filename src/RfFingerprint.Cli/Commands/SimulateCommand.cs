using System.CommandLine;
using System.Globalization;
using RfFingerprint.Cli.Hosting;
using RfFingerprint.Cli.Output;
using RfFingerprint.Sdr.SigMF;
using RfFingerprint.Simulation;
using Spectre.Console;

namespace RfFingerprint.Cli.Commands;

/// <summary>
/// <c>rffp simulate</c>: writes seeded SigMF recordings of simulated LoRa devices, one per device
/// (<c>devNN</c>); <c>rffp simulate traffic</c>: one mixed recording of enrolled devices, a rogue device and a
/// spoofed burst for the demo. The same options and seeds give byte-identical files.
/// </summary>
internal static class SimulateCommand
{
    /// <summary>The command-line option behind each <see cref="SimulationOptions"/> property a validation message may name.</summary>
    private static readonly Dictionary<string, string> OptionNames = new(StringComparer.Ordinal)
    {
        [nameof(SimulationOptions.Devices)] = "--devices",
        [nameof(SimulationOptions.BurstsPerDevice)] = "--bursts-per-device",
        [nameof(SimulationOptions.SpreadingFactors)] = "--sf",
        [nameof(SimulationOptions.SnrDb)] = "--snr-db / --snr-spread-db",
        [nameof(SimulationOptions.BurstIntervalSeconds)] = "--minutes-since-power-on",
        [nameof(SimulationOptions.OutputDirectory)] = "--out",
        [nameof(SimulationOptions.PayloadBytesMax)] = "--payload-bytes",
        [nameof(SimulationOptions.GapMaxSeconds)] = "--gap-ms",
    };

    public static Command Create(CliIo io)
    {
        var common = new CommonOptions();
        var devices = new Option<int>("--devices")
        {
            Description = "Number of devices, dev00 to devNN-1.",
            DefaultValueFactory = _ => 20,
        };
        var command = new Command("simulate", "Write one simulated SigMF recording per LoRa device (devNN.sigmf-meta/-data) with ground truth annotations.")
        {
            devices,
        };
        common.AddTo(command);
        command.Subcommands.Add(CreateTraffic(io));
        VerbAction.Attach(command, io, async (parseResult, _, cancellationToken) =>
        {
            var options = common.Read(parseResult) with { Devices = parseResult.GetValue(devices) };
            Validate(options);
            var result = await RunWithProgressAsync(io, "simulating devices", progress => SimulationRunner.Run(options, progress, cancellationToken), cancellationToken);
            WriteRecordings(io, options, result.Recordings);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateTraffic(CliIo io)
    {
        var common = new CommonOptions();
        var enrolled = new Option<int[]>("--enrolled")
        {
            Description = "Enrolled devices taking turns, as a list or range of indices (e.g. 0-9).",
            HelpName = "list",
            Arity = ArgumentArity.ExactlyOne,
            DefaultValueFactory = _ => [.. Enumerable.Range(0, 10)],
            CustomParser = CliValueParsers.For(CliValueParsers.IntegerList),
        };
        var rogue = new Option<int?>("--rogue") { Description = "Index of the rogue (never enrolled) device (default: one past the last enrolled)." };
        var spoofer = new Option<int?>("--spoofer") { Description = "Index of the device that sends the final spoofed burst (default: the rogue device)." };
        var victim = new Option<int?>("--victim") { Description = "Index of the device whose DevAddr the spoofed burst claims (default: the first enrolled)." };
        var name = new Option<string>("--name")
        {
            Description = "Base name of the recording in the output folder.",
            DefaultValueFactory = _ => "traffic",
        };
        var command = new Command("traffic",
            "Write one mixed recording: each enrolled device and a rogue device in turn, then one burst from the spoofer claiming the victim's DevAddr.")
        {
            enrolled, rogue, spoofer, victim, name,
        };
        common.AddTo(command);
        VerbAction.Attach(command, io, async (parseResult, _, cancellationToken) =>
        {
            var options = common.Read(parseResult);
            Validate(options);
            var enrolledDevices = parseResult.GetValue(enrolled)!;
            if (enrolledDevices.Length == 0)
                throw new CliUsageException("--enrolled must name at least one device");
            var rogueDevice = parseResult.GetValue(rogue) ?? (enrolledDevices.Max() + 1);
            var spooferDevice = parseResult.GetValue(spoofer) ?? rogueDevice;
            var victimDevice = parseResult.GetValue(victim) ?? enrolledDevices[0];
            if (enrolledDevices.Contains(rogueDevice))
                throw new CliUsageException($"--rogue {rogueDevice} is also listed in --enrolled; a rogue device must not be enrolled");
            if (new[] { rogueDevice, spooferDevice, victimDevice }.Any(i => i < 0))
                throw new CliUsageException("device indices must not be negative");

            var bursts = TrafficBurst.DemoScenario(enrolledDevices, rogueDevice, spooferDevice, victimDevice, options.BurstsPerDevice);
            var recording = await RunWithProgressAsync(io, "simulating traffic",
                progress => SimulationRunner.RenderTraffic(options, bursts, parseResult.GetValue(name)!, progress, cancellationToken), cancellationToken);
            WriteRecordings(io, options, [recording]);
            var population = new DevicePopulation(options.Seed);
            await io.Output.WriteLineAsync(
                $"rogue device: {population.Device(rogueDevice).Name}; last burst: {population.Device(spooferDevice).Name} " +
                $"claims {population.Device(victimDevice).Name}'s DevAddr {population.Device(victimDevice).DevAddrHex}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Validate(SimulationOptions options)
    {
        try
        {
            options.Validate();
        }
        catch (ArgumentException ex)
        {
            var option = ex.ParamName is { } name && OptionNames.TryGetValue(name, out var flag) ? $"{flag}: " : string.Empty;
            throw new CliUsageException(option + ex.Message, ex);
        }
    }

    /// <summary>
    /// Runs the (synchronous, internally parallel) simulation on the thread pool while this thread shows its
    /// progress: an animated bar for a person at a terminal, otherwise a plain line at each quarter.
    /// </summary>
    private static async Task<T> RunWithProgressAsync<T>(CliIo io, string what, Func<IProgress<SimulationProgress>, T> work, CancellationToken cancellationToken)
    {
        var latest = new LatestProgress();
        var run = Task.Run(() => work(latest), cancellationToken);
        if (io.Interactive)
        {
            await io.Status.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async context =>
                {
                    var bar = context.AddTask(what);
                    while (!run.IsCompleted)
                    {
                        Show(bar, latest.Current);
                        await Task.WhenAny(run, Task.Delay(100, cancellationToken));
                    }

                    Show(bar, latest.Current);
                    bar.StopTask();
                });
        }
        else
        {
            var quartersShown = 0;
            while (!run.IsCompleted)
            {
                await Task.WhenAny(run, Task.Delay(200, cancellationToken));
                var current = latest.Current;
                var quarters = current.BurstsTotal == 0 ? 0 : 4 * current.BurstsDone / current.BurstsTotal;
                if (quarters > quartersShown && quarters < 4)
                {
                    quartersShown = quarters;
                    await io.Error.WriteLineAsync($"{what}: {current.BurstsDone}/{current.BurstsTotal} bursts");
                }
            }
        }

        var result = await run;
        var done = latest.Current;
        await io.Error.WriteLineAsync($"{what}: {done.BurstsDone}/{done.BurstsTotal} bursts written");
        return result;
    }

    private static void Show(ProgressTask bar, SimulationProgress progress)
    {
        bar.MaxValue = Math.Max(1, progress.BurstsTotal);
        bar.Value = progress.BurstsDone;
    }

    private static void WriteRecordings(CliIo io, SimulationOptions options, IReadOnlyList<SimulatedRecording> recordings)
    {
        var inv = CultureInfo.InvariantCulture;
        var population = new DevicePopulation(options.Seed);
        var table = new Table()
            .Title(Markup.Escape(Path.GetFullPath(options.OutputDirectory)))
            .AddColumn("recording")
            .AddColumn("devices")
            .AddColumn("dev_addr")
            .AddColumn(new TableColumn("bursts").RightAligned())
            .AddColumn(new TableColumn("seconds").RightAligned())
            .AddColumn(new TableColumn("MB").RightAligned());
        foreach (var recording in recordings)
        {
            var devices = recording.DeviceIndices.Select(population.Device).ToList();
            var megabytes = recording.SampleCount * options.Datatype.BytesPerSample / 1e6;
            table.AddRow(
                Markup.Escape(Path.GetFileName(recording.MetaPath)),
                Markup.Escape(devices.Count <= 3 ? string.Join(",", devices.Select(d => d.Name)) : $"{devices[0].Name}..{devices[^1].Name} ({devices.Count})"),
                devices.Count == 1 ? devices[0].DevAddrHex : "-",
                recording.BurstCount.ToString(inv),
                (recording.SampleCount / options.SampleRateHz).ToString("0.00", inv),
                megabytes.ToString("0.0", inv));
        }

        ResultTables.Write(io, table);
    }

    /// <summary>The options both forms of the verb take, created once per command (an option belongs to one command).</summary>
    private sealed class CommonOptions
    {
        private readonly Option<string> _output = new("--out")
        {
            Description = "Output folder (created if missing).",
            HelpName = "dir",
            Required = true,
        };

        private readonly Option<int> _burstsPerDevice = new("--bursts-per-device")
        {
            Description = "Bursts sent by each device.",
            DefaultValueFactory = _ => 50,
        };

        private readonly Option<ulong> _seed = new("--seed")
        {
            Description = "Population seed: fixes each device's identity and hardware, and the receiver.",
            DefaultValueFactory = _ => 1,
        };

        private readonly Option<ulong> _session = new("--session")
        {
            Description = "Session seed: fixes payloads, timing, channel and noise (another session = another day with the same devices).",
            DefaultValueFactory = _ => 1,
        };

        private readonly Option<double> _snrDb = new("--snr-db")
        {
            Description = "In-band SNR in dB.",
            DefaultValueFactory = _ => 30,
        };

        private readonly Option<double> _snrSpreadDb = new("--snr-spread-db")
        {
            Description = "Per-burst SNR drawn uniformly from snr-db ± this many dB.",
        };

        private readonly Option<double> _minutesSincePowerOn = new("--minutes-since-power-on")
        {
            Description = "Minutes the devices have been on when the session starts (0: cold start, warm-up drift visible).",
        };

        private readonly Option<int[]> _spreadingFactors = new("--sf")
        {
            Description = "Spreading factors, used in turn by each device's bursts (e.g. 7 or 7,9).",
            HelpName = "list",
            Arity = ArgumentArity.ExactlyOne,
            DefaultValueFactory = _ => [7],
            CustomParser = CliValueParsers.For(CliValueParsers.SpreadingFactors),
        };

        private readonly Option<string> _datatype = new Option<string>("--datatype")
        {
            Description = "Sample format: cf32_le (float) or ci16_le (half the size).",
            DefaultValueFactory = _ => SigMFDatatype.Cf32Le.Name,
        }.AcceptOnlyFromAmong(SigMFDatatype.Cf32Le.Name, SigMFDatatype.Ci16Le.Name);

        private readonly Option<int[]> _payloadBytes = new("--payload-bytes")
        {
            Description = "Application payload size in bytes, one value or a range drawn per burst (e.g. 1-4): small payloads keep bundled recordings small.",
            HelpName = "min[-max]",
            DefaultValueFactory = _ => [8, 20],
            CustomParser = CliValueParsers.For(ParseRange),
        };

        private readonly Option<int[]> _gapMilliseconds = new("--gap-ms")
        {
            Description = "Noise before each burst in milliseconds, one value or a range drawn per burst (e.g. 2-5).",
            HelpName = "min[-max]",
            DefaultValueFactory = _ => [10, 30],
            CustomParser = CliValueParsers.For(ParseRange),
        };

        /// <summary>"N" or "MIN-MAX" as a two-element [min, max].</summary>
        private static int[] ParseRange(string text)
        {
            var values = CliValueParsers.IntegerList(text);
            return text.Contains('-', StringComparison.Ordinal) || values.Length == 1
                ? [values.Min(), values.Max()]
                : throw new FormatException($"'{text}': expected one value or a range such as 1-4");
        }

        public void AddTo(Command command)
        {
            foreach (var option in new Option[] { _output, _burstsPerDevice, _seed, _session, _snrDb, _snrSpreadDb, _minutesSincePowerOn, _spreadingFactors, _datatype, _payloadBytes, _gapMilliseconds })
                command.Options.Add(option);
        }

        public SimulationOptions Read(ParseResult parseResult)
        {
            return new SimulationOptions
            {
                OutputDirectory = parseResult.GetValue(_output)!,
                BurstsPerDevice = parseResult.GetValue(_burstsPerDevice),
                Seed = parseResult.GetValue(_seed),
                Session = parseResult.GetValue(_session),
                SnrDb = parseResult.GetValue(_snrDb),
                SnrSpreadDb = parseResult.GetValue(_snrSpreadDb),
                MinutesSincePowerOn = parseResult.GetValue(_minutesSincePowerOn),
                SpreadingFactors = parseResult.GetValue(_spreadingFactors)!,
                Datatype = SigMFDatatype.TryParse(parseResult.GetValue(_datatype), out var datatype) ? datatype : SigMFDatatype.Cf32Le,
                PayloadBytesMin = parseResult.GetValue(_payloadBytes)![0],
                PayloadBytesMax = parseResult.GetValue(_payloadBytes)![1],
                GapMinSeconds = parseResult.GetValue(_gapMilliseconds)![0] / 1000.0,
                GapMaxSeconds = parseResult.GetValue(_gapMilliseconds)![1] / 1000.0,
            };
        }
    }

    /// <summary>Keeps the most advanced report (reports come from parallel workers, possibly out of order).</summary>
    private sealed class LatestProgress : IProgress<SimulationProgress>
    {
        private readonly Lock _gate = new();
        private SimulationProgress _current;

        public SimulationProgress Current
        {
            get
            {
                lock (_gate)
                    return _current;
            }
        }

        public void Report(SimulationProgress value)
        {
            lock (_gate)
            {
                if (value.BurstsDone >= _current.BurstsDone)
                    _current = value;
            }
        }
    }
}
