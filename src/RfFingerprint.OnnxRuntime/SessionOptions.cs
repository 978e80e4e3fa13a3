using Microsoft.Extensions.Logging;

namespace RfFingerprint.OnnxRuntime;

/// <summary>Options applied when an <see cref="InferenceSession"/> is created.</summary>
public sealed record SessionOptions
{
    /// <summary>
    /// Threads ONNX Runtime uses inside one operator; 0 lets the runtime choose (one per physical core).
    /// Use 1 when many sessions or many callers run in parallel, so they do not oversubscribe the CPU.
    /// </summary>
    public int IntraOpThreads { get; init; }

    /// <summary>Threads used to run independent operators in parallel; 0 lets the runtime choose.</summary>
    public int InterOpThreads { get; init; }

    /// <summary>Graph optimisation level; defaults to <see cref="GraphOptimizationLevel.All"/>.</summary>
    public GraphOptimizationLevel OptimizationLevel { get; init; } = GraphOptimizationLevel.All;

    /// <summary>Minimum severity the session logs to standard error; defaults to <see cref="OrtLoggingLevel.Warning"/>.</summary>
    public OrtLoggingLevel LogLevel { get; init; } = OrtLoggingLevel.Warning;

    /// <summary>
    /// Receives this session's ONNX Runtime log messages at or above <see cref="LogLevel"/> instead of standard error
    /// (ONNX Runtime 1.17 or later). Severities map Verbose → Trace, Info → Debug, Warning → Warning, Error → Error,
    /// Fatal → Critical. Null (the default) leaves the messages on standard error.
    /// </summary>
    public ILogger? Logger { get; init; }

    /// <summary>Checks the values before they reach ONNX Runtime.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A thread count is negative, or a level is not a defined value.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(IntraOpThreads);
        ArgumentOutOfRangeException.ThrowIfNegative(InterOpThreads);
        if (!Enum.IsDefined(OptimizationLevel))
        {
            throw new ArgumentOutOfRangeException(nameof(OptimizationLevel), OptimizationLevel, "Unknown graph optimisation level.");
        }

        if (!Enum.IsDefined(LogLevel))
        {
            throw new ArgumentOutOfRangeException(nameof(LogLevel), LogLevel, "Unknown logging level.");
        }
    }
}
