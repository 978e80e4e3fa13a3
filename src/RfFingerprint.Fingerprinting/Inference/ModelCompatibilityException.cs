namespace RfFingerprint.Fingerprinting.Inference;

/// <summary>
/// A model cannot be used: its preprocessing differs from the extractor's, its metadata is missing or malformed, or its
/// input shape disagrees with its preprocessing. <see cref="Differences"/> names each differing field.
/// </summary>
public sealed class ModelCompatibilityException : Exception
{
    public ModelCompatibilityException()
        : this("The model is not compatible.")
    {
    }

    public ModelCompatibilityException(string message)
        : this(message, [])
    {
    }

    public ModelCompatibilityException(string message, Exception innerException)
        : base(message, innerException) => Differences = [];

    /// <summary>Creates the exception with the list of differing fields (snake_case name: model value != expected value).</summary>
    public ModelCompatibilityException(string message, IReadOnlyList<string> differences)
        : base(message) => Differences = differences;

    /// <summary>Each difference as <c>field: model != expected</c>; empty for metadata problems.</summary>
    public IReadOnlyList<string> Differences { get; }
}
