using System.Globalization;

namespace RfFingerprint.Fingerprinting.Training;

/// <summary>One <c>epoch E/N loss=... train_acc=... val_acc=...</c> line of train.py.</summary>
public sealed record TrainingProgress(int Epoch, int Epochs, double Loss, double TrainAccuracy, double ValidationAccuracy)
{
    /// <summary>Parses an epoch line; false for any other line.</summary>
    public static bool TryParse(string line, out TrainingProgress progress)
    {
        progress = null!;
        if (line is null || !line.StartsWith("epoch ", StringComparison.Ordinal))
            return false;
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var counts = parts[1].Split('/');
        var values = TrainingOutput.KeyValues(line);
        if (counts.Length != 2
            || !int.TryParse(counts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out int epoch)
            || !int.TryParse(counts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out int epochs)
            || !TryGet(values, "loss", out double loss)
            || !TryGet(values, "train_acc", out double trainAccuracy)
            || !TryGet(values, "val_acc", out double validationAccuracy))
        {
            return false;
        }

        progress = new TrainingProgress(epoch, epochs, loss, trainAccuracy, validationAccuracy);
        return true;
    }

    private static bool TryGet(IReadOnlyDictionary<string, string> values, string key, out double value)
    {
        value = double.NaN;
        return values.TryGetValue(key, out var text)
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }
}
