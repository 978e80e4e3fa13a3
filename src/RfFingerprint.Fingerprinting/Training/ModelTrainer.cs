using System.Diagnostics;
using System.Globalization;
using System.Text;
using RfFingerprint.Fingerprinting.Inference;

namespace RfFingerprint.Fingerprinting.Training;

/// <summary>Runs <c>models/train.py</c> as a child process and reports its epochs as they come.</summary>
public static class ModelTrainer
{
    private const int StandardErrorTailChars = 4000;

    /// <summary>Trains and exports a model.</summary>
    /// <param name="request">What to train.</param>
    /// <param name="progress">Receives each epoch line as it is printed; may be null.</param>
    /// <param name="cancellationToken">Kills the training process tree when cancelled.</param>
    /// <exception cref="TrainingFailedException">The interpreter cannot start, the script fails, or no <c>done</c> line appears.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static async Task<TrainingResult> RunAsync(TrainingRequest request, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var start = new ProcessStartInfo(request.PythonPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string a in request.BuildArguments())
            start.ArgumentList.Add(a);
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        start.Environment["PYTHONUNBUFFERED"] = "1";

        using var process = new Process { StartInfo = start };
        var epochs = new List<TrainingProgress>();
        IReadOnlyDictionary<string, string> modelLine = new Dictionary<string, string>();
        IReadOnlyDictionary<string, string>? doneLine = null;
        var stderr = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
                return;
            lock (stderr)
            {
                stderr.AppendLine(e.Data);
                if (stderr.Length > 4 * StandardErrorTailChars)
                    stderr.Remove(0, stderr.Length - StandardErrorTailChars);
            }
        };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new TrainingFailedException($"Cannot start {request.PythonPath}: {e.Message}", e);
        }

        process.BeginErrorReadLine();
        using (cancellationToken.Register(() =>
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Already exited.
            }
        }))
        {
            while (await process.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
            {
                if (TrainingProgress.TryParse(line, out var p))
                {
                    epochs.Add(p);
                    progress?.Report(p);
                }
                else if (line.StartsWith("model ", StringComparison.Ordinal))
                {
                    modelLine = TrainingOutput.KeyValues(line);
                }
                else if (line.StartsWith("done ", StringComparison.Ordinal))
                {
                    doneLine = TrainingOutput.KeyValues(line);
                }
            }

            await process.WaitForExitAsync(cancellationToken);
        }

        cancellationToken.ThrowIfCancellationRequested();
        string tail;
        lock (stderr)
        {
            string all = stderr.ToString();
            tail = all.Length > StandardErrorTailChars ? all[^StandardErrorTailChars..] : all;
        }

        if (process.ExitCode != 0 || doneLine is null)
        {
            throw new TrainingFailedException($"train.py exited with code {process.ExitCode}{(doneLine is null ? " without reporting a model" : "")}: {LastLine(tail)}")
            {
                ExitCode = process.ExitCode,
                StandardErrorTail = tail,
            };
        }

        // Paths and versions come from the request and the card, not the done line, so spaces in them cannot mislead.
        string modelPath = Path.GetFullPath(request.OutputPath);
        string cardPath = ModelCard.PathFor(modelPath);
        ModelCard card;
        try
        {
            card = ModelCard.Load(cardPath);
        }
        catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException)
        {
            throw new TrainingFailedException($"train.py finished but its model card {cardPath} is unreadable: {e.Message}", e) { ExitCode = process.ExitCode };
        }

        double accuracy = doneLine.TryGetValue("val_acc", out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) ? value : double.NaN;
        return new TrainingResult(modelPath, cardPath, card.ModelVersion, accuracy, modelLine, epochs);
    }

    private static string LastLine(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? "(no error output)" : lines[^1];
    }
}
