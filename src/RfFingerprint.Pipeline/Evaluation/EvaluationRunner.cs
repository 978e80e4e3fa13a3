using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using RfFingerprint.Fingerprinting.Datasets;
using RfFingerprint.Fingerprinting.Decisions;
using RfFingerprint.Fingerprinting.Evaluation;
using RfFingerprint.Fingerprinting.Features;
using RfFingerprint.Fingerprinting.Inference;
using RfFingerprint.Fingerprinting.Training;
using RfFingerprint.OnnxRuntime;
using RfFingerprint.Pipeline.UseCases;
using RfFingerprint.Simulation;

namespace RfFingerprint.Pipeline.Evaluation;

/// <summary>
/// <c>rffp eval</c>: simulates day-1 and day-2 populations, exports their features through the serving receiver and
/// spectrogram code (<see cref="DatasetExporter"/>), and measures closed-set, SNR, device-count, open-set, baseline and
/// speed figures of the extractor under test (plus day-1 classifiers for the CFO ablation). Every figure of the
/// <see cref="EvaluationReport"/> is computed by the run.
/// </summary>
public sealed class EvaluationRunner(EvaluationRunnerOptions options)
{
    private const string ExtractorCentroid = "extractor + centroid enrolment";
    private const string ExtractorKnn = "extractor + 15-NN enrolment";
    private const string Classifier = "classifier trained on day 1";
    private const string RogueSet = "day2-rogue";

    private readonly EvaluationRunnerOptions _options = Checked(options);
    private readonly List<(string Step, TimeSpan Duration)> _steps = [];

    /// <summary>Runs the whole evaluation.</summary>
    /// <exception cref="ArgumentException">The plan is invalid.</exception>
    /// <exception cref="InvalidDataException">The model is not an extractor, or a simulated set yielded no usable burst.</exception>
    /// <exception cref="TrainingFailedException">A classifier could not be trained.</exception>
    public async Task<EvaluationReport> RunAsync(IProgress<EvaluationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var plan = _options.Plan.Validate();
        bool trainClassifiers = plan.ClassifierEpochs > 0;
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        _steps.Clear();
        string machine = DescribeMachine();
        Directory.CreateDirectory(_options.WorkDirectory);

        using var extractor = FingerprintModel.Load(_options.ExtractorPath);
        if (extractor.Kind != ModelKind.Extractor)
            throw new InvalidDataException($"{_options.ExtractorPath} is a {extractor.Kind.ToString().ToLowerInvariant()}; the evaluation needs an extractor.");
        var features = extractor.Preprocessing;
        var uncompensated = features with { CompensateCfo = false };

        int c = plan.ClosedSetDevices, total = plan.TotalDevices;
        bool grouped = plan.OpenSetGroups > 1;
        var specs = new[]
        {
            new SetSpec("day1-core", plan.Day1Session, 0, c, plan.Day1Bursts, 0, plan.SnrDb, plan.SnrSpreadDb, trainClassifiers, Collect: true),
            new SetSpec("day1-extra", plan.Day1Session, c, total - c, grouped ? plan.Day1Bursts : plan.ScanEnrolBursts, 0, plan.SnrDb, plan.SnrSpreadDb, false, Collect: false),
            new SetSpec("day2-core", plan.Day2Session, 0, c, plan.Day2Bursts, plan.WarmMinutesSincePowerOn, plan.SnrDb, plan.SnrSpreadDb, trainClassifiers, Collect: true),
            new SetSpec("day2-extra", plan.Day2Session, c, total - c, grouped ? plan.Day2Bursts : plan.ScanTestBursts, plan.WarmMinutesSincePowerOn, plan.SnrDb, plan.SnrSpreadDb, false, Collect: false),
        }.Concat(plan.RogueDevices == 0 ? [] : new[]
        {
            new SetSpec(RogueSet, plan.Day2Session, total, plan.RogueDevices, plan.RogueBursts, plan.WarmMinutesSincePowerOn, plan.SnrDb, plan.SnrSpreadDb, false, Collect: false),
        }).Concat(plan.SweepSnrLevelsDb.Select(level =>
            new SetSpec(SweepName(level), plan.SweepSession, 0, c, plan.SweepBursts, plan.WarmMinutesSincePowerOn, level, 0, false, Collect: false, MayBeEmpty: true))).ToArray();

        var summaries = new List<DataSetSummary>();
        var sets = new Dictionary<string, ExportedSet>(StringComparer.Ordinal);
        foreach (var spec in specs)
        {
            var exported = await PrepareAsync(spec, features, uncompensated, progress, cancellationToken);
            sets[spec.Name] = exported;
            summaries.Add(exported.Summary);
        }

        var (day1Core, day1Extra, day2Core, day2Extra) = (sets["day1-core"], sets["day1-extra"], sets["day2-core"], sets["day2-extra"]);
        var outputs = Timed("extractor inference", () =>
        {
            var day1CoreOut = Embed(day1Core.Compensated, extractor);
            return new
            {
            Day1Core = day1CoreOut,
            Day1 = EvaluationSets.Concat(day1CoreOut, Embed(day1Extra.Compensated, extractor)),
            Day2Core = Embed(day2Core.Compensated, extractor),
            Day2Extra = Embed(day2Extra.Compensated, extractor),
            Rogue = sets.TryGetValue(RogueSet, out var rogueSet) ? Embed(rogueSet.Compensated, extractor) : null,
            Sweep = plan.SweepSnrLevelsDb.Select(level => Embed(sets[SweepName(level)].Compensated, extractor)).ToArray(),
            };
        });
        var day2 = EvaluationSets.Concat(outputs.Day2Core, outputs.Day2Extra);
        var closedTest = outputs.Day2Core;

        // 1. Closed set: extractor (no retraining) and, for the ablation, classifiers trained on day 1 with and without CFO compensation.
        var closedSet = new List<AblationRow>();
        var knn = new DecisionOptions { Matcher = new MatcherOptions { Method = MatchMethod.NearestNeighbours, K = 15 } };
        var extractorClosed = Timed("closed set (extractor)", () => FingerprintEvaluation.ClosedSet(outputs.Day1Core, closedTest, ModelKind.Extractor));
        closedSet.Add(Row(ExtractorCentroid, true, extractorClosed));
        closedSet.Add(Row(ExtractorKnn, true, FingerprintEvaluation.ClosedSet(outputs.Day1Core, closedTest, ModelKind.Extractor, options: knn)));

        var classifiers = new List<TrainedClassifier>();
        ClosedSetReport?[]? classifierBySnr = null;
        if (trainClassifiers)
        {
            foreach (bool compensate in new[] { false, true })
            {
                var (info, model) = await TrainClassifierAsync(compensate ? day1Core.CompensatedPath : day1Core.UncompensatedPath!, compensate, progress, cancellationToken);
                using (model)
                {
                    classifiers.Add(info);
                    var train = Embed(compensate ? day1Core.Compensated : day1Core.Uncompensated!, model);
                    var test = Embed(compensate ? day2Core.Compensated : day2Core.Uncompensated!, model);
                    closedSet.Add(Row(Classifier, compensate, FingerprintEvaluation.ClosedSet(train, test, ModelKind.Classifier, model.Classes)));
                    if (compensate)
                    {
                        classifierBySnr = plan.SweepSnrLevelsDb
                            .Select(level => sets[SweepName(level)].Compensated is { Count: > 0 } sweepSet
                                ? FingerprintEvaluation.ClosedSet(train, Embed(sweepSet, model), ModelKind.Classifier, model.Classes)
                                : null)
                            .ToArray();
                    }
                }
            }
        }

        // 2a. Accuracy against the simulated in-band SNR (one set per level).
        var bySnr = plan.SweepSnrLevelsDb.Select((level, i) =>
        {
            var set = outputs.Sweep[i];
            int simulated = sets[SweepName(level)].Summary.Simulated;
            if (set.Count == 0)
                return new SnrRow(level, simulated, 0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
            var extractorReport = FingerprintEvaluation.ClosedSet(outputs.Day1Core, set, ModelKind.Extractor);
            var classifierReport = classifierBySnr?[i];
            return new SnrRow(level, simulated, extractorReport.Count, set.SnrDb.Where(double.IsFinite).DefaultIfEmpty(double.NaN).Average(),
                extractorReport.Accuracy, extractorReport.HybridAccuracy, classifierReport?.Accuracy ?? double.NaN, classifierReport?.HybridAccuracy ?? double.NaN);
        }).ToArray();

        // 2b. Accuracy against the number of enrolled devices (extractor, no retraining).
        var population = new DevicePopulation(plan.PopulationSeed);
        var byDevices = Timed("device-count scan", () => plan.DeviceCounts.Order().Select(n =>
        {
            var names = Enumerable.Range(0, n).Select(i => population.Device(i).Name).ToHashSet(StringComparer.Ordinal);
            var enrol = EvaluationSets.FirstPerDevice(EvaluationSets.OfDevices(outputs.Day1, names), plan.ScanEnrolBursts);
            var test = EvaluationSets.FirstPerDevice(EvaluationSets.OfDevices(day2, names), plan.ScanTestBursts);
            var report = FingerprintEvaluation.ClosedSet(enrol, test, ModelKind.Extractor);
            var cfoOnly = Baselines.CfoNearestMean(enrol, test);
            return new ScaleRow(n, plan.ScanEnrolBursts, report.Count, report.Accuracy, report.HybridAccuracy, cfoOnly.Accuracy);
        }).ToArray());

        // 3. Open set: devices new to the extractor enrolled with m bursts, one group of c devices at a time; for each group
        //    every other device (other groups, the day-2-only rogue devices) is a rogue. Scores are pooled over the groups.
        var openSetTest = outputs.Rogue is null ? day2 : EvaluationSets.Concat(day2, outputs.Rogue);
        var groups = Enumerable.Range(0, plan.OpenSetGroups)
            .Select(g => (IReadOnlySet<string>)Enumerable.Range(g * c, c).Select(i => population.Device(i).Name).ToHashSet(StringComparer.Ordinal))
            .ToArray();
        var openSet = Timed("open set", () => plan.EnrolmentSizes.Order().Select(m =>
        {
            int count = 0;
            double correct = 0, hybridCorrect = 0;
            var scores = new List<OpenSetScores>();
            foreach (var group in groups)
            {
                var enrol = EvaluationSets.FirstPerDevice(EvaluationSets.OfDevices(outputs.Day1, group), m);
                var identified = FingerprintEvaluation.ClosedSet(enrol, EvaluationSets.OfDevices(day2, group), ModelKind.Extractor);
                count += identified.Count;
                correct += identified.Accuracy * identified.Count;
                hybridCorrect += identified.HybridAccuracy * identified.Count;
                scores.Add(FingerprintEvaluation.OpenSetScores(enrol, openSetTest));
            }

            var rogue = FingerprintEvaluation.OpenSetFromScores(OpenSetScores.Concat(scores));
            return new EnrolmentRow(m, rogue.KnownCount, rogue.RogueCount, correct / count, hybridCorrect / count, rogue.Auc, rogue.Eer, rogue.EerThreshold)
            {
                KnownDevices = rogue.KnownDeviceCount,
                RogueDevices = rogue.RogueDeviceCount,
                Groups = groups.Length,
                AucInterval = rogue.AucInterval,
                EerInterval = rogue.EerInterval,
            };
        }).ToArray());

        // 4. Baselines on the closed-set data.
        var cfoBaseline = Baselines.CfoNearestMean(outputs.Day1Core, closedTest);
        var rawBaseline = Timed("raw-IQ baseline", () => Baselines.RawIqNearestCentroid(day1Core.Preambles!, day2Core.Preambles!, features.SampleRateHz));
        var baselines = new[]
        {
            new BaselineRow("CFO only: nearest day-1 mean CFO", c, cfoBaseline.Count, cfoBaseline.Accuracy),
            new BaselineRow($"raw IQ: nearest day-1 centroid of the CFO-compensated preamble ({features.InputSampleCount} samples, phase-invariant)", c, rawBaseline.Count, rawBaseline.Accuracy),
            new BaselineRow(ExtractorCentroid + ", fingerprint alone (for comparison)", c, extractorClosed.Count, extractorClosed.Accuracy),
        };

        double binHz = features.BandwidthHz / (1 << features.SpreadingFactor);
        var cfoAccuracy = new[] { CfoRow("day1-core", day1Core.Preambles!, binHz), CfoRow("day2-core", day2Core.Preambles!, binHz) };

        // 5. Speed on one thread.
        progress?.Report(new EvaluationProgress("speed (one thread)", 0, 1));
        var speed = Timed("speed", () =>
        {
            using var single = FingerprintModel.Load(_options.ExtractorPath, sessionOptions: new SessionOptions { IntraOpThreads = 1, InterOpThreads = 1 });
            return SpeedBenchmark.Measure(single, Enrolments(outputs.Day1Core, single.ModelVersion), day2Core.Preambles!, plan.SpeedBatchSize, plan.SpeedSeconds, plan.LatencyRuns);
        });
        progress?.Report(new EvaluationProgress("speed (one thread)", 1, 1));

        return new EvaluationReport
        {
            CommandLine = _options.CommandLine,
            SoftwareVersion = _options.SoftwareVersion,
            Plan = plan,
            StartedUtc = started,
            Duration = clock.Elapsed,
            Machine = machine,
            ExtractorPath = extractor.Path,
            ExtractorSha256 = extractor.Sha256,
            ExtractorVersion = extractor.ModelVersion,
            ExtractorTrainingDataSha256 = extractor.TrainingDataSha256,
            PreprocessingJson = features.ToJson(),
            DataSets = summaries,
            CfoAccuracy = cfoAccuracy,
            Classifiers = classifiers,
            ClosedSet = closedSet,
            BySnr = bySnr,
            ByDeviceCount = byDevices,
            OpenSet = openSet,
            Baselines = baselines,
            Speed = speed,
            StepDurations = [.. _steps],
        };
    }

    private async Task<ExportedSet> PrepareAsync(SetSpec spec, PreprocessingParameters features, PreprocessingParameters uncompensated, IProgress<EvaluationProgress>? progress, CancellationToken cancellationToken)
    {
        var plan = _options.Plan;
        string recordings = Path.Combine(_options.WorkDirectory, "recordings", spec.Name);
        int burstsTotal = spec.Devices * spec.BurstsPerDevice;
        string simulateStep = $"simulate {spec.Name}";
        var simulationOptions = new SimulationOptions
        {
            DeviceIndices = Enumerable.Range(spec.FirstDevice, spec.Devices).ToArray(),
            BurstsPerDevice = spec.BurstsPerDevice,
            Seed = plan.PopulationSeed,
            Session = spec.Session,
            SnrDb = spec.SnrDb,
            SnrSpreadDb = spec.SnrSpreadDb,
            MinutesSincePowerOn = spec.MinutesSincePowerOn,
            OutputDirectory = recordings,
        };
        var watch = Stopwatch.StartNew();
        string[] captures;
        if (RecordingManifest.Matches(recordings, simulationOptions))
        {
            // Kept recordings of the same simulator build and options are byte-identical to what a new simulation would write.
            captures = Directory.GetFiles(recordings, "*.sigmf-meta").Order(StringComparer.Ordinal).ToArray();
            progress?.Report(new EvaluationProgress($"{simulateStep} (kept recordings reused)", burstsTotal, burstsTotal));
            _steps.Add(($"{simulateStep} (kept recordings reused)", watch.Elapsed));
        }
        else
        {
            RecordingManifest.Remove(recordings);
            var simulation = await Task.Run(
                () => SimulationRunner.Run(
                    simulationOptions,
                    progress is null ? null : new Progress<SimulationProgress>(p => progress.Report(new EvaluationProgress(simulateStep, p.BurstsDone, p.BurstsTotal))),
                    cancellationToken),
                cancellationToken);
            RecordingManifest.Write(recordings, simulationOptions);
            captures = simulation.Recordings.Select(r => r.MetaPath).ToArray();
            _steps.Add((simulateStep, watch.Elapsed));
        }


        string featuresDirectory = Path.Combine(_options.WorkDirectory, "features");
        Directory.CreateDirectory(featuresDirectory);
        string compensatedPath = Path.Combine(featuresDirectory, $"{spec.Name}.npz");
        DatasetExportResult exported;
        FeatureDataset compensated;
        try
        {
            exported = await ExportAsync($"export {spec.Name}", captures, features, compensatedPath, burstsTotal, progress, cancellationToken);
            compensated = FeatureDataset.Load(compensatedPath);
        }
        catch (InvalidDataException) when (spec.MayBeEmpty)
        {
            // At the lowest sweep SNRs the receiver may decode nothing; that is a result (0 bursts), not a failure.
            exported = new DatasetExportResult(compensatedPath, 0, 0, []);
            compensated = new FeatureDataset(features, [], [], [], [], []);
        }

        string? uncompensatedPath = null;
        if (spec.Uncompensated)
        {
            uncompensatedPath = Path.Combine(featuresDirectory, $"{spec.Name}-no-cfo-compensation.npz");
            await ExportAsync($"export {spec.Name} (no CFO compensation)", captures, uncompensated, uncompensatedPath, burstsTotal, progress, cancellationToken);
        }

        CollectedBursts? preambles = null;
        if (spec.Collect)
        {
            watch.Restart();
            progress?.Report(new EvaluationProgress($"collect preambles {spec.Name}", 0, 1));
            preambles = await PreambleCollector.CollectAsync(captures, _options.Receiver, features.SpreadingFactor, features.InputSampleCount, features.SamplesPerSymbol, cancellationToken);
            progress?.Report(new EvaluationProgress($"collect preambles {spec.Name}", 1, 1));
            _steps.Add(($"collect preambles {spec.Name}", watch.Elapsed));
        }

        if (!_options.KeepRecordings)
            Directory.Delete(recordings, recursive: true);
        var summary = new DataSetSummary(spec.Name, spec.Session, spec.FirstDevice, spec.Devices, spec.BurstsPerDevice, spec.MinutesSincePowerOn,
            spec.SnrDb, spec.SnrSpreadDb, burstsTotal, exported.Bursts, exported.Skipped);
        return new ExportedSet(summary, compensatedPath, compensated, uncompensatedPath,
            uncompensatedPath is null ? null : FeatureDataset.Load(uncompensatedPath), preambles);
    }

    private async Task<DatasetExportResult> ExportAsync(string step, IReadOnlyList<string> captures, PreprocessingParameters parameters, string path, int burstsTotal,
        IProgress<EvaluationProgress>? progress, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var exporter = new DatasetExporter(_options.Receiver, parameters);
        var result = await exporter.ExportAsync(captures, path,
            progress is null ? null : new SynchronousProgress<CaptureProgress>(p =>
            {
                seen[p.Capture] = p.Bursts;
                progress.Report(new EvaluationProgress(step, seen.Values.Sum(), burstsTotal));
            }),
            cancellationToken);
        _steps.Add((step, watch.Elapsed));
        return result;
    }

    private async Task<(TrainedClassifier Info, FingerprintModel Model)> TrainClassifierAsync(string datasetPath, bool compensate, IProgress<EvaluationProgress>? progress, CancellationToken cancellationToken)
    {
        var plan = _options.Plan;
        string name = compensate ? "classifier" : "classifier-no-cfo-compensation";
        string step = $"train {name}";
        string output = Path.Combine(_options.WorkDirectory, "models", $"{name}.onnx");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        var watch = Stopwatch.StartNew();
        progress?.Report(new EvaluationProgress(step, 0, plan.ClassifierEpochs));
        var result = await ModelTrainer.RunAsync(
            new TrainingRequest
            {
                PythonPath = _options.PythonPath,
                ScriptPath = _options.TrainScriptPath!,
                DatasetPath = datasetPath,
                Kind = ModelKind.Classifier,
                OutputPath = output,
                Epochs = plan.ClassifierEpochs,
                Seed = 1,
                Threads = _options.TrainingThreads,
                ModelVersion = $"eval-{name}",
                ExtraArguments = plan.ClassifierArguments,
            },
            progress is null ? null : new SynchronousProgress<TrainingProgress>(p => progress.Report(new EvaluationProgress(step, p.Epoch, p.Epochs))),
            cancellationToken);
        _steps.Add((step, watch.Elapsed));
        var model = FingerprintModel.Load(result.ModelPath);
        return (new TrainedClassifier(compensate, result.ModelVersion, model.Sha256, plan.ClassifierEpochs, result.ValidationAccuracy, watch.Elapsed.TotalSeconds), model);
    }

    private static EvaluationRunnerOptions Checked(EvaluationRunnerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Plan.ClassifierEpochs > 0 && string.IsNullOrEmpty(options.TrainScriptPath))
            throw new ArgumentException("TrainScriptPath is required when classifiers are trained (ClassifierEpochs > 0).", nameof(options));
        return options;
    }

    private T Timed<T>(string step, Func<T> work)
    {
        var watch = Stopwatch.StartNew();
        var result = work();
        _steps.Add((step, watch.Elapsed));
        return result;
    }

    private static string SweepName(double levelDb) => string.Create(CultureInfo.InvariantCulture, $"sweep-{levelDb:00.#}dB");

    private static EvaluationSet Embed(FeatureDataset dataset, FingerprintModel model) => EvaluationSet.FromDataset(dataset, model);

    private static AblationRow Row(string method, bool compensate, ClosedSetReport report) =>
        new(method, compensate, report.Count, report.Accuracy, report.HybridAccuracy);

    private static List<EnrolmentStatistics> Enrolments(EvaluationSet set, string modelVersion) =>
        Enumerable.Range(0, set.Count)
            .GroupBy(set.DeviceOf, StringComparer.Ordinal)
            .Select(g =>
            {
                var rows = g.ToArray();
                var embeddings = rows.SelectMany(b => set.Output(b).ToArray()).ToArray();
                return EnrolmentStatistics.FromEmbeddings(g.Key, modelVersion, embeddings, set.OutputDimension, rows.Select(b => set.CfoHz[b]).ToArray());
            })
            .ToList();

    private static CfoAccuracyRow CfoRow(string set, CollectedBursts bursts, double binHz)
    {
        var rows = Enumerable.Range(0, bursts.Count).Where(b => double.IsFinite(bursts.TrueCfoHz[b])).ToArray();
        if (rows.Length == 0)
            return new CfoAccuracyRow(set, 0, double.NaN, double.NaN, 0, binHz, double.NaN);
        var errors = rows.Select(b => bursts.CfoHz[b] - bursts.TrueCfoHz[b]).ToArray();
        var absolute = errors.Select(Math.Abs).Order().ToArray();
        double spread = rows.GroupBy(b => bursts.Devices[b], StringComparer.Ordinal)
            .Select(g =>
            {
                double mean = g.Average(b => bursts.TrueCfoHz[b]);
                return Math.Sqrt(g.Average(b => Math.Pow(bursts.TrueCfoHz[b] - mean, 2)));
            })
            .Average();
        return new CfoAccuracyRow(set, rows.Length, Math.Sqrt(errors.Average(e => e * e)), SpeedBenchmark.Percentile(absolute, 0.95),
            absolute.Count(e => e > binHz / 2), binHz, spread);
    }

    private static string DescribeMachine()
    {
        string load = File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
        return string.Create(CultureInfo.InvariantCulture,
            $"{Environment.ProcessorCount} logical processors, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, load average at start {load}");
    }

    private sealed record SetSpec(string Name, ulong Session, int FirstDevice, int Devices, int BurstsPerDevice, double MinutesSincePowerOn, double SnrDb, double SnrSpreadDb,
        bool Uncompensated, bool Collect, bool MayBeEmpty = false);

    private sealed record ExportedSet(DataSetSummary Summary, string CompensatedPath, FeatureDataset Compensated, string? UncompensatedPath, FeatureDataset? Uncompensated,
        CollectedBursts? Preambles);

    /// <summary>Reports on the caller's thread (<see cref="Progress{T}"/> would post to the thread pool and reorder reports).</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
