namespace RfFingerprint.Fingerprinting.Training;

/// <summary>train.py could not be started, exited with an error, or did not report its model.</summary>
public sealed class TrainingFailedException : Exception
{
    public TrainingFailedException()
        : this("Training failed.")
    {
    }

    public TrainingFailedException(string message)
        : base(message)
    {
    }

    public TrainingFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The script's exit code, or null when it did not run.</summary>
    public int? ExitCode { get; init; }

    /// <summary>The end of the script's stderr.</summary>
    public string StandardErrorTail { get; init; } = "";
}
