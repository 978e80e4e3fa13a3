using System.CommandLine;
using System.Globalization;
using RfFingerprint.Cli.Hosting;
using RfFingerprint.Fingerprinting.Training;
using RfFingerprint.Pipeline.Evaluation;
using RfFingerprint.Pipeline.Options;
using Spectre.Console;

namespace RfFingerprint.Cli.Commands;

/// <summary>
/// <c>rffp eval</c>: simulates day-1 and day-2 populations, runs them through the serving receiver and feature code and
/// writes a markdown report of the seed paper's kind of tables (closed set with the CFO ablation, accuracy against SNR
/// and device count, open set and rogue detection, baselines, speed per core).
/// </summary>
internal static class EvalCommand
{
    public static Command Create(CliIo io)
    {
        var output = new Option<FileInfo>("--out")
        {
            Description = "Markdown report to write.",
            DefaultValueFactory = _ => new FileInfo(Path.Combine("docs", "eval", "report.md")),
        };
        var quick = new Option<bool>("--quick") { Description = "A small version (5 devices, a few bursts each, a 2-epoch tiny classifier) for tests and smoke runs." };
        var seed = new Option<ulong>("--seed")
        {
            Description = "Population seed of the evaluated devices; use one the extractor was not trained on.",
            DefaultValueFactory = _ => new EvaluationPlan().PopulationSeed,
        };
        var model = new Option<FileInfo?>("--model") { Description = "Extractor under test (default: models/default/extractor.onnx beside the configuration)." };
        var work = new Option<DirectoryInfo?>("--work") { Description = "Folder for recordings, features and trained classifiers (default: a new temporary folder)." };
        var keep = new Option<bool>("--keep") { Description = "Keep the work files (recordings included) instead of deleting them." };
        var classifierEpochs = new Option<int?>("--classifier-epochs") { Description = "Epochs of the day-1 classifiers of the CFO ablation (0: train none). Default 15, 2 with --quick." };
        var command = new Command("eval", "Evaluate the fingerprinting on simulated populations and write a markdown report (closed set, SNR, device count, open set, baselines, speed).")
        {
            output, quick, seed, model, work, keep, classifierEpochs,
        };
        VerbAction.Attach(command, io, async (parseResult, settings, cancellationToken) =>
        {
            var plan = (parseResult.GetValue(quick) ? EvaluationPlan.Quick : new EvaluationPlan()) with { PopulationSeed = parseResult.GetValue(seed) };
            if (parseResult.GetValue(classifierEpochs) is { } epochs)
                plan = plan with { ClassifierEpochs = epochs };
            try
            {
                plan.Validate();
            }
            catch (ArgumentException ex)
            {
                throw new CliUsageException(ex.Message, ex);
            }

            var extractor = parseResult.GetValue(model)?.FullName ?? settings.ResolvePath(Path.Combine("models", "default", "extractor.onnx"));
            if (!File.Exists(extractor))
                throw new CliUsageException($"extractor '{extractor}' does not exist: train one with 'rffp train --kind extractor' or pass --model");
            var given = parseResult.GetValue(work);
            bool created = given is null || !given.Exists;
            var workDirectory = given?.FullName ?? Path.Combine(Path.GetTempPath(), $"rffp-eval-{Guid.NewGuid():N}");
            bool keepWork = parseResult.GetValue(keep);
            var target = parseResult.GetValue(output)!.FullName;
            var runner = new EvaluationRunner(new EvaluationRunnerOptions
            {
                Plan = plan,
                ExtractorPath = extractor,
                WorkDirectory = workDirectory,
                KeepRecordings = keepWork,
                TrainScriptPath = settings.ResolvePath(Path.Combine("models", "train.py")),
                PythonPath = Environment.GetEnvironmentVariable(TrainCommand.PythonVariable) ?? "/usr/bin/python3",
                Receiver = settings.Bind<ReceiverOptions>(ReceiverOptions.SectionName),
                CommandLine = "rffp " + string.Join(' ', parseResult.Tokens.Select(t => t.Value)),
                SoftwareVersion = RffpCommandLine.Version,
            });
            try
            {
                var report = await RunWithProgressAsync(io, progress => runner.RunAsync(progress, cancellationToken));
                var markdown = MarkdownReport.Render(report);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                await File.WriteAllTextAsync(target, markdown, cancellationToken);
                await io.Output.WriteAsync(markdown);
                await io.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"report written to {target} ({report.Duration.TotalMinutes:0.0} min)"));
                return ExitCodes.Success;
            }
            catch (TrainingFailedException ex)
            {
                await io.Error.WriteLineAsync(ex.StandardErrorTail);
                throw new CliUsageException($"classifier training failed: {ex.Message} (set {TrainCommand.PythonVariable} to a Python with torch, or pass --classifier-epochs 0)", ex);
            }
            finally
            {
                if (!keepWork)
                    Clean(workDirectory, created);
            }
        });
        return command;
    }

    /// <summary>Deletes what the run wrote: the whole folder when the run created it, else only its own subfolders.</summary>
    private static void Clean(string workDirectory, bool created)
    {
        if (!Directory.Exists(workDirectory))
            return;
        if (created)
        {
            Directory.Delete(workDirectory, recursive: true);
            return;
        }

        foreach (var name in new[] { "recordings", "features", "models" })
        {
            var path = Path.Combine(workDirectory, name);
            if (Directory.Exists(path))
                Directory.Delete(path, recursive: true);
        }
    }

    /// <summary>One bar per step for a person at a terminal; otherwise one line when a step starts and one when it ends.</summary>
    private static async Task<T> RunWithProgressAsync<T>(CliIo io, Func<IProgress<EvaluationProgress>, Task<T>> work)
    {
        if (!io.Interactive)
            return await work(new PlainProgress(io.Error));

        return await io.Status.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var tasks = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
                var progress = new Progress<EvaluationProgress>(p =>
                {
                    if (!tasks.TryGetValue(p.Step, out var task))
                    {
                        task = context.AddTask(Markup.Escape(p.Step), maxValue: Math.Max(1, p.Total));
                        tasks[p.Step] = task;
                    }

                    task.Value = Math.Min(p.Done, task.MaxValue);
                });
                return await Task.Run(() => work(progress));
            });
    }

    private sealed class PlainProgress(TextWriter error) : IProgress<EvaluationProgress>
    {
        private readonly Lock _gate = new();
        private readonly HashSet<string> _started = new(StringComparer.Ordinal);
        private readonly HashSet<string> _finished = new(StringComparer.Ordinal);

        public void Report(EvaluationProgress value)
        {
            lock (_gate)
            {
                if (_started.Add(value.Step))
                    error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{DateTime.UtcNow:HH:mm:ss} {value.Step} ..."));
                if (value.Total > 0 && value.Done >= value.Total && _finished.Add(value.Step))
                    error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{DateTime.UtcNow:HH:mm:ss} {value.Step}: done ({value.Done})"));
            }
        }
    }
}
