using MathNet.Numerics;

namespace RfFingerprint.Lora.Modulation;

/// <summary>Bytes to complex baseband of a complete LoRa frame (frame builder + chirp synthesiser).</summary>
public sealed class LoraModulator
{
    private readonly LoraFrameBuilder _builder;
    private readonly ChirpSynthesizer _synthesizer;

    /// <summary>Creates a modulator for <paramref name="p"/>.</summary>
    /// <exception cref="ArgumentException">The parameters are invalid (see <see cref="LoraParameters.Validate"/>).</exception>
    public LoraModulator(LoraParameters p)
    {
        _builder = new LoraFrameBuilder(p);
        _synthesizer = new ChirpSynthesizer(p);
    }

    /// <summary>Unit-amplitude baseband of the frame carrying <paramref name="payload"/> (0 to 255 bytes).</summary>
    /// <exception cref="ArgumentException">Payload longer than 255 bytes.</exception>
    public Complex32[] Modulate(ReadOnlySpan<byte> payload)
    {
        var segments = _builder.Build(payload);
        var samples = new Complex32[_synthesizer.SampleCount(segments)];
        _synthesizer.Synthesize(segments, samples);
        return samples;
    }
}
