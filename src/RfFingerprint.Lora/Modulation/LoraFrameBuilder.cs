using RfFingerprint.Lora.Coding;

namespace RfFingerprint.Lora.Modulation;

/// <summary>Turns a payload into the chirp sequence of a complete LoRa frame.</summary>
/// <remarks>
/// Frame: <see cref="LoraParameters.PreambleSymbols"/> up-chirps (shift 0); two sync-word up-chirps whose shifts are the
/// sync word's high and low nibbles times 8 (0x34 → 24, 32; 0x12 → 8, 16, as an SX127x sends them: gr-lora_sdr's
/// modulator and Tapparel et al., SPAWC 2020); 2.25 down-chirps (two full, one quarter); then the payload symbols from
/// <see cref="LoraCodec"/>. Not thread-safe (shares the codec's scratch).
/// </remarks>
public sealed class LoraFrameBuilder
{
    private readonly LoraParameters _parameters;
    private readonly LoraCodec _codec;

    /// <summary>Creates a builder for <paramref name="p"/>.</summary>
    /// <exception cref="ArgumentException">The parameters are invalid (see <see cref="LoraParameters.Validate"/>).</exception>
    public LoraFrameBuilder(LoraParameters p)
    {
        ArgumentNullException.ThrowIfNull(p);
        _parameters = p.Validate();
        _codec = new LoraCodec(p);
    }

    /// <summary>Number of chirps before the payload: preamble + 2 sync + 3 SFD segments.</summary>
    public int HeaderSegmentCount => _parameters.PreambleSymbols + 5;

    /// <summary>The two sync-word chirp shifts for <paramref name="syncWord"/>: high nibble × 8, low nibble × 8.</summary>
    public static (int First, int Second) SyncWordShifts(byte syncWord) => ((syncWord >> 4) * 8, (syncWord & 0xF) * 8);

    /// <summary>Builds the chirp sequence of the frame carrying <paramref name="payload"/> (0 to 255 bytes).</summary>
    /// <exception cref="ArgumentException">Payload longer than 255 bytes.</exception>
    public ChirpSegment[] Build(ReadOnlySpan<byte> payload)
    {
        if (payload.Length > 255)
        {
            throw new ArgumentException("A LoRa payload holds at most 255 bytes.", nameof(payload));
        }

        var dataSymbols = _codec.SymbolCount(payload.Length);
        var segments = new ChirpSegment[HeaderSegmentCount + dataSymbols];
        var index = 0;
        for (var i = 0; i < _parameters.PreambleSymbols; i++)
        {
            segments[index++] = new ChirpSegment(ChirpDirection.Up, 0, 4);
        }

        var (first, second) = SyncWordShifts(_parameters.SyncWord);
        segments[index++] = new ChirpSegment(ChirpDirection.Up, first, 4);
        segments[index++] = new ChirpSegment(ChirpDirection.Up, second, 4);
        segments[index++] = new ChirpSegment(ChirpDirection.Down, 0, 4);
        segments[index++] = new ChirpSegment(ChirpDirection.Down, 0, 4);
        segments[index++] = new ChirpSegment(ChirpDirection.Down, 0, 1);

        var shifts = new int[dataSymbols];
        _codec.Encode(payload, shifts);
        foreach (var shift in shifts)
        {
            segments[index++] = new ChirpSegment(ChirpDirection.Up, shift, 4);
        }

        return segments;
    }
}
