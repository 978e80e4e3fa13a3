namespace RfFingerprint.Lora.Dsp;

/// <summary>A function of one variable to maximise (implemented by structs so searches do not allocate).</summary>
public interface IScalarObjective
{
    /// <summary>Value at <paramref name="x"/>.</summary>
    double Evaluate(double x);
}
