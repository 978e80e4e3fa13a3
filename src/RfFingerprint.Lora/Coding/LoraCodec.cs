namespace RfFingerprint.Lora.Coding;

/// <summary>
/// The LoRa bit chain, transmit and receive mirrored in one place:
/// whitening → (header) → CRC → Hamming → interleaver → Gray/shift mapping, and back.
/// </summary>
/// <remarks>
/// Nibbles are sent low nibble first for payload and CRC bytes, high nibble first for the length in the header.
/// The first interleaver block always holds SF−2 codewords at CR 4/8 sent at reduced rate (explicit header: the five
/// header nibbles then the first payload nibbles; implicit header: payload nibbles). Later blocks hold SF codewords
/// (SF−2 under LDRO) at the payload coding rate. The symbol count follows Semtech's formula
/// 8 + max(ceil((8·PL − 4·SF + 28 + 16·CRC − 20·IH) / (4·(SF − 2·DE))) · (CR + 4), 0).
/// One instance serves one parameter set; it keeps small scratch buffers, so it is not thread-safe.
/// </remarks>
public sealed class LoraCodec
{
    private const int MaxNibbles = HeaderCodec.NibbleCount + (2 * 255) + 4 + 12;
    private readonly int _spreadingFactor;
    private readonly bool _ldro;
    private readonly LoraParameters _parameters;
    private readonly byte[] _nibbles = new byte[MaxNibbles + 24];
    private readonly byte[] _codewords = new byte[12];
    private readonly int[] _block = new int[8];

    /// <summary>Creates the codec for <paramref name="parameters"/> (validated).</summary>
    public LoraCodec(LoraParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        _parameters = parameters.Validate();
        _spreadingFactor = parameters.SpreadingFactor;
        _ldro = parameters.IsLdro;
    }

    /// <summary>Number of payload symbols (after the SFD) for a payload of <paramref name="payloadLength"/> bytes.</summary>
    public int SymbolCount(int payloadLength) => SymbolCount(payloadLength, _parameters.CodingRate, _parameters.HasCrc);

    /// <summary>Number of payload symbols for the given length, coding rate and CRC flag under this codec's SF, LDRO and header mode.</summary>
    public int SymbolCount(int payloadLength, int codingRate, bool hasCrc)
    {
        var bits = (8 * payloadLength) - (4 * _spreadingFactor) + 28 + (hasCrc ? 16 : 0) - (_parameters.ImplicitHeader ? 20 : 0);
        var bitsPerBlock = 4 * (_spreadingFactor - (_ldro ? 2 : 0));
        var blocks = Math.Max((bits + bitsPerBlock - 1) / bitsPerBlock, 0);
        return 8 + (blocks * (codingRate + 4));
    }

    /// <summary>Encodes <paramref name="payload"/> into chirp shifts; returns the number written.</summary>
    /// <exception cref="ArgumentException">Payload longer than 255 bytes or destination too short.</exception>
    public int Encode(ReadOnlySpan<byte> payload, Span<int> shifts)
    {
        if (payload.Length > 255)
        {
            throw new ArgumentException("A LoRa payload holds at most 255 bytes.", nameof(payload));
        }

        var cr = _parameters.CodingRate;
        var symbolCount = SymbolCount(payload.Length);
        if (shifts.Length < symbolCount)
        {
            throw new ArgumentException($"Destination needs {symbolCount} symbols.", nameof(shifts));
        }

        var nibbles = _nibbles.AsSpan();
        nibbles.Clear();
        var count = 0;
        if (!_parameters.ImplicitHeader)
        {
            HeaderCodec.Encode(new LoraHeader(payload.Length, cr, _parameters.HasCrc), nibbles);
            count = HeaderCodec.NibbleCount;
        }

        for (var i = 0; i < payload.Length; i++)
        {
            var whitened = payload[i] ^ Whitening.SequenceByte(i);
            nibbles[count++] = (byte)(whitened & 0xF);
            nibbles[count++] = (byte)(whitened >> 4);
        }

        if (_parameters.HasCrc)
        {
            var crc = Crc16.LoraPayloadCrc(payload);
            for (var k = 0; k < 4; k++)
            {
                nibbles[count++] = (byte)((crc >> (4 * k)) & 0xF);
            }
        }

        var written = 0;
        var position = 0;
        var first = true;
        while (written < symbolCount)
        {
            var sfApp = first || _ldro ? _spreadingFactor - 2 : _spreadingFactor;
            var rate = first ? 4 : cr;
            var cwBits = HammingCodec.CodewordBits(rate);
            var codewords = _codewords.AsSpan(0, sfApp);
            for (var k = 0; k < sfApp; k++)
            {
                // Past the data the interleaver block is padded with the codeword of nibble 0.
                codewords[k] = HammingCodec.Encode(position < count ? nibbles[position] : 0, rate);
                position++;
            }

            var block = _block.AsSpan(0, cwBits);
            Interleaver.Interleave(codewords, cwBits, block);
            var reduced = sfApp != _spreadingFactor;
            for (var k = 0; k < cwBits; k++)
            {
                shifts[written++] = SymbolMapping.ToShift(block[k], _spreadingFactor, reduced);
            }

            first = false;
        }

        return symbolCount;
    }

    /// <summary>Decodes the explicit header from the first eight chirp shifts.</summary>
    /// <returns>False when fewer than eight shifts are given, in implicit-header mode, or the header is invalid.</returns>
    public bool TryDecodeHeader(ReadOnlySpan<int> shifts, out LoraHeader header)
    {
        header = default;
        if (_parameters.ImplicitHeader || shifts.Length < 8)
        {
            return false;
        }

        DecodeBlock(shifts[..8], true, 4, 0, out _, out _);
        return HeaderCodec.TryDecode(_nibbles.AsSpan(0, HeaderCodec.NibbleCount), out header);
    }

    /// <summary>The header this codec assumes: decoded from the shifts (explicit) or configured (implicit, with <paramref name="implicitLength"/>).</summary>
    public LoraHeader ImplicitHeader(int implicitLength) => new(implicitLength, _parameters.CodingRate, _parameters.HasCrc);

    /// <summary>
    /// Decodes a frame's chirp shifts into <paramref name="payload"/> (at least 255 bytes, or the implicit length);
    /// in implicit-header mode <paramref name="implicitLength"/> gives the configured payload length.
    /// </summary>
    public LoraDecodeResult Decode(ReadOnlySpan<int> shifts, Span<byte> payload, int implicitLength = 0)
    {
        LoraHeader header;
        if (_parameters.ImplicitHeader)
        {
            header = ImplicitHeader(implicitLength);
        }
        else if (!TryDecodeHeader(shifts, out header))
        {
            return new LoraDecodeResult(shifts.Length < 8 ? LoraDecodeStatus.Truncated : LoraDecodeStatus.HeaderInvalid, header, null, 0, 0);
        }

        var needed = SymbolCount(header.PayloadLength, header.CodingRate, header.HasCrc);
        if (shifts.Length < needed || payload.Length < header.PayloadLength)
        {
            return new LoraDecodeResult(LoraDecodeStatus.Truncated, header, null, 0, 0);
        }

        var corrected = 0;
        var detected = 0;
        var position = 0;
        var offset = 0;
        var first = true;
        while (offset < needed)
        {
            var cwBits = first ? 8 : header.CodingRate + 4;
            DecodeBlock(shifts.Slice(offset, cwBits), first, first ? 4 : header.CodingRate, position, out var c, out var d);
            position += first || _ldro ? _spreadingFactor - 2 : _spreadingFactor;
            corrected += c;
            detected += d;
            offset += cwBits;
            first = false;
        }

        var start = _parameters.ImplicitHeader ? 0 : HeaderCodec.NibbleCount;
        var length = header.PayloadLength;
        for (var i = 0; i < length; i++)
        {
            var value = _nibbles[start + (2 * i)] | (_nibbles[start + (2 * i) + 1] << 4);
            payload[i] = (byte)(value ^ Whitening.SequenceByte(i));
        }

        bool? crcOk = null;
        if (header.HasCrc)
        {
            var crcStart = start + (2 * length);
            var received = 0;
            for (var k = 0; k < 4; k++)
            {
                received |= _nibbles[crcStart + k] << (4 * k);
            }

            crcOk = received == Crc16.LoraPayloadCrc(payload[..length]);
        }

        return new LoraDecodeResult(LoraDecodeStatus.Decoded, header, crcOk, corrected, detected);
    }

    private void DecodeBlock(ReadOnlySpan<int> shifts, bool first, int rate, int nibbleOffset, out int corrected, out int detected)
    {
        var sfApp = first || _ldro ? _spreadingFactor - 2 : _spreadingFactor;
        var reduced = sfApp != _spreadingFactor;
        var block = _block.AsSpan(0, shifts.Length);
        for (var k = 0; k < shifts.Length; k++)
        {
            block[k] = SymbolMapping.FromShift(shifts[k], _spreadingFactor, reduced);
        }

        var codewords = _codewords.AsSpan(0, sfApp);
        Interleaver.Deinterleave(block, codewords);
        corrected = 0;
        detected = 0;
        for (var k = 0; k < sfApp && nibbleOffset + k < _nibbles.Length; k++)
        {
            _nibbles[nibbleOffset + k] = (byte)HammingCodec.Decode(codewords[k], rate, out var c, out var d);
            corrected += c ? 1 : 0;
            detected += d ? 1 : 0;
        }
    }
}
