namespace RfFingerprint.Service.Processing;

/// <summary>The fingerprint model cannot serve (missing file, incompatible card, no enrolments): the API answers 503/409.</summary>
public sealed class ModelUnavailableException : Exception
{
    public ModelUnavailableException(string message) : base(message) { }

    public ModelUnavailableException(string message, Exception inner) : base(message, inner) { }

    public ModelUnavailableException() { }
}
