namespace RfFingerprint.Lora.Modulation;

/// <summary>One chirp of a frame.</summary>
/// <param name="Direction">Sweep direction.</param>
/// <param name="Symbol">Cyclic shift in chips, 0 to 2^SF − 1 (0 for preamble and SFD chirps).</param>
/// <param name="QuarterSymbols">Length in quarter symbols: 4 for a full chirp, 1 for the SFD's final quarter.</param>
public readonly record struct ChirpSegment(ChirpDirection Direction, int Symbol, int QuarterSymbols);
