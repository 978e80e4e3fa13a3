using System.CommandLine;
using System.Globalization;
using RfFingerprint.Cli.Hosting;
using RfFingerprint.Fingerprinting.Inference;
using RfFingerprint.Fingerprinting.Training;
using Spectre.Console;

namespace RfFingerprint.Cli.Commands;

/// <summary>
/// <c>rffp train</c>: runs <c>models/train.py</c> (Debian's PyTorch on the CPU) on a dataset exported by
/// <c>rffp dataset export</c>, showing its epochs as a progress bar.
/// </summary>
internal static class TrainCommand
{
    /// <summary>Environment variable naming the Python interpreter to use (one that imports torch).</summary>
    public const string PythonVariable = "RFFP_PYTHON";

    public static Command Create(CliIo io)
    {
        var data = new Option<FileInfo>("--data") { Description = "Feature dataset (.npz) from 'rffp dataset export'.", Required = true };
        var kind = new Option<string>("--kind")
        {
            Description = "extractor (L2-normalised embedding, enrol new devices without retraining) or classifier (softmax over the training devices).",
            DefaultValueFactory = _ => "extractor",
        };
        kind.AcceptOnlyFromAmong("extractor", "classifier");
        var output = new Option<FileInfo>("--out") { Description = "The .onnx file to write; its model card goes beside it.", Required = true };
        var epochs = new Option<int>("--epochs") { Description = "Training epochs.", DefaultValueFactory = _ => 20 };
        var seed = new Option<int>("--seed") { Description = "Seed: the same data and seed give the same model.", DefaultValueFactory = _ => 1 };
        var extra = new Argument<string[]>("TRAIN_PY_ARGS") { Description = "Further train.py options, passed as they are (after --).", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("train", "Train a fingerprint model on an exported dataset and export it to ONNX with its model card.")
        {
            data, kind, output, epochs, seed, extra,
        };
        VerbAction.Attach(command, io, async (parseResult, settings, cancellationToken) =>
        {
            var dataset = parseResult.GetValue(data)!;
            if (!dataset.Exists)
                throw new CliUsageException($"dataset '{dataset.FullName}' does not exist: make one with 'rffp dataset export'");
            var request = new TrainingRequest
            {
                PythonPath = Environment.GetEnvironmentVariable(PythonVariable) ?? "/usr/bin/python3",
                ScriptPath = settings.ResolvePath(Path.Combine("models", "train.py")),
                DatasetPath = dataset.FullName,
                Kind = parseResult.GetValue(kind) == "classifier" ? ModelKind.Classifier : ModelKind.Extractor,
                OutputPath = parseResult.GetValue(output)!.FullName,
                Epochs = parseResult.GetValue(epochs),
                Seed = parseResult.GetValue(seed),
                Threads = Environment.ProcessorCount,
                ExtraArguments = parseResult.GetValue(extra) ?? [],
            };
            var result = await RunAsync(io, request, cancellationToken);
            io.Console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"[green]trained[/] {Markup.Escape(result.ModelPath)} (version {Markup.Escape(result.ModelVersion)}, validation accuracy {result.ValidationAccuracy:P2}); card {Markup.Escape(result.CardPath)}"));
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task<TrainingResult> RunAsync(CliIo io, TrainingRequest request, CancellationToken cancellationToken)
    {
        try
        {
            if (!io.Interactive)
            {
                var lines = new Progress<TrainingProgress>(p => io.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"epoch {p.Epoch}/{p.Epochs} loss {p.Loss:0.0000} train {p.TrainAccuracy:P1} validation {p.ValidationAccuracy:P1}")));
                return await ModelTrainer.RunAsync(request, lines, cancellationToken);
            }

            return await io.Status.Progress().StartAsync(async context =>
            {
                var task = context.AddTask("training", maxValue: request.Epochs);
                var bar = new Progress<TrainingProgress>(p =>
                {
                    task.Value = p.Epoch;
                    task.Description = string.Create(CultureInfo.InvariantCulture, $"training [grey]validation {p.ValidationAccuracy:P1}[/]");
                });
                return await ModelTrainer.RunAsync(request, bar, cancellationToken);
            });
        }
        catch (TrainingFailedException ex)
        {
            await io.Error.WriteLineAsync(ex.StandardErrorTail);
            throw new CliUsageException($"training failed: {ex.Message} (set {PythonVariable} to a Python with Debian's python3-torch, python3-onnx and python3-numpy)", ex);
        }
    }
}
