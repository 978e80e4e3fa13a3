using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using RfFingerprint.Cli.Hosting;
using RfFingerprint.Cli.Output;
using RfFingerprint.Lora.Lorawan;
using RfFingerprint.Lora.Receiver;
using RfFingerprint.Pipeline.Options;
using RfFingerprint.Sdr.SigMF;

namespace RfFingerprint.Cli.Commands;

/// <summary>
/// <c>rffp decode PATH</c>: runs a SigMF recording through the streaming LoRa receiver and prints one line per
/// burst as it is found (a table, or JSON lines with <c>--jsonl</c>); the counts go to standard error.
/// </summary>
/// <remarks>
/// The recording is read block by block, so a file of any size is decoded in constant memory and the first
/// bursts appear while the rest is still being read. Sample indices are positions in the file.
/// </remarks>
internal static class DecodeCommand
{
    private static readonly TextColumn[] Columns =
    [
        new("sample_start", 12, AlignRight: true),
        new("sf", 2, AlignRight: true),
        new("cfo_hz", 9, AlignRight: true),
        new("snr_db", 6, AlignRight: true),
        new("status", 15),
        new("crc", 4),
        new("bytes", 5, AlignRight: true),
        new("mtype", 21),
        new("identity", 16),
        new("fcnt", 5, AlignRight: true),
        new("fport", 5, AlignRight: true),
    ];

    public static Command Create(CliIo io)
    {
        var path = new Argument<string>("path")
        {
            Description = "SigMF recording: its .sigmf-meta or .sigmf-data file, or a .sigmf archive.",
        };
        var spreadingFactors = new Option<int[]?>("--sf")
        {
            Description = "Spreading factors to search, e.g. 7 or 7,8,9 or 7-12 (default: Receiver:SpreadingFactors).",
            HelpName = "list",
            Arity = ArgumentArity.ExactlyOne,
            CustomParser = CliValueParsers.For<int[]?>(CliValueParsers.SpreadingFactors),
        };
        var bandwidth = new Option<double?>("--bw")
        {
            Description = "LoRa bandwidth in Hz: 125000, 250000 or 500000 (default: Receiver:BandwidthHz).",
            HelpName = "hz",
        };
        var syncWord = new Option<byte?>("--sync-word")
        {
            Description = "Sync word, 0x34 (public LoRaWAN), 0x12 (private) or decimal (default: Receiver:SyncWord).",
            HelpName = "byte",
            CustomParser = CliValueParsers.For<byte?>(text => CliValueParsers.SyncWord(text)),
        };
        var jsonl = new Option<bool>("--jsonl") { Description = "Print one JSON object per burst instead of a table." };

        var command = new Command("decode", "Find and decode every LoRa burst in a SigMF recording, with its CFO, SNR and LoRaWAN header.")
        {
            path, spreadingFactors, bandwidth, syncWord, jsonl,
        };
        VerbAction.Attach(command, io, async (parseResult, settings, cancellationToken) =>
        {
            var defaults = settings.Bind<ReceiverOptions>(ReceiverOptions.SectionName);
            await using var source = SigMFFileSource.Open(parseResult.GetValue(path)!);
            var receiver = CreateReceiver(
                source,
                // An absent list option reads as an empty array, not null.
                parseResult.GetValue(spreadingFactors) is { Length: > 0 } chosen ? chosen : defaults.SearchedSpreadingFactors,
                parseResult.GetValue(bandwidth) ?? defaults.BandwidthHz,
                parseResult.GetValue(syncWord) ?? defaults.SyncWord);

            using var json = parseResult.GetValue(jsonl) ? new JsonLinesWriter(io.Output) : null;
            var table = json is null ? new StreamingTable(io.Output, Columns) : null;
            var recording = source.Recording;
            void OnBurst(LoraBurst burst)
            {
                var frame = burst.IsValid && burst.Payload.Length > 0 ? LorawanParser.Parse(burst.Payload) : null;
                if (frame is { IsLorawan: false })
                    frame = null;
                if (json is not null)
                    json.WriteObject(w => WriteBurst(w, burst, frame, recording.TimeOfSample(burst.SampleStart)));
                else
                    table!.WriteRow(TableRow(burst, frame));
            }

            await foreach (var block in source.ReadAsync(cancellationToken))
                receiver.Process(block.Samples.Span, block.FirstSampleIndex, OnBurst);
            receiver.Flush(OnBurst);

            var stats = receiver.Statistics;
            var ignored = stats.SyncWordMismatches > 0
                ? $", {stats.SyncWordMismatches} with another sync word ignored"
                : string.Empty;
            await io.Error.WriteLineAsync(
                $"{recording.DisplayName}: {stats.Bursts} bursts, {stats.Decoded} decoded, {stats.CrcOk} CRC OK, " +
                $"{stats.Undecodable} undecodable, {stats.NonFiniteSamples} non-finite samples{ignored}");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <exception cref="CliUsageException">The recording's sample rate does not fit the bandwidth, or a receiver setting is out of range.</exception>
    private static LoraReceiver CreateReceiver(SigMFFileSource source, IReadOnlyList<int> spreadingFactors, double bandwidthHz, byte syncWord)
    {
        var name = source.Info.Description;
        var sampleRateHz = source.Info.SampleRateHz;
        var oversampling = sampleRateHz / bandwidthHz;
        if (!double.IsFinite(oversampling) || oversampling < 1 || Math.Abs(oversampling - Math.Round(oversampling)) > 1e-9)
        {
            throw new CliUsageException(
                $"{name}: sample rate {sampleRateHz.ToString("0.###", CultureInfo.InvariantCulture)} Hz is not a whole multiple " +
                $"of the LoRa bandwidth {bandwidthHz.ToString("0", CultureInfo.InvariantCulture)} Hz (choose --bw accordingly)");
        }

        try
        {
            return new LoraReceiver(new LoraReceiverOptions
            {
                SpreadingFactors = spreadingFactors,
                BandwidthHz = bandwidthHz,
                SampleRateHz = sampleRateHz,
                SyncWord = syncWord,
            }.Validate());
        }
        catch (ArgumentException ex)
        {
            throw new CliUsageException($"{name}: cannot receive with these settings: {ex.Message}", ex);
        }
    }

    private static void WriteBurst(Utf8JsonWriter json, LoraBurst burst, LorawanFrame? frame, DateTimeOffset? timeUtc)
    {
        json.WriteNumber("sample_start", burst.SampleStart);
        json.WriteTime("time_utc", timeUtc);
        json.WriteNumber("sf", burst.SpreadingFactor);
        json.WriteNumber("bw", burst.BandwidthHz);
        json.WriteNullable("cr", burst.CodingRate);
        json.WriteRounded("cfo_hz", burst.CfoHz, 1);
        json.WriteRounded("sto_samples", burst.StoSamples, 3);
        json.WriteRounded("snr_db", burst.SnrDb, 2);
        json.WriteString("sync_word", $"0x{burst.SyncWord:X2}");
        json.WriteString("status", JsonNamingPolicy.SnakeCaseLower.ConvertName(burst.Status.ToString()));
        json.WriteBoolean("header_ok", burst.HeaderOk);
        json.WriteNullable("crc_ok", burst.CrcOk);
        json.WriteString("payload_hex", Convert.ToHexString(burst.Payload));
        if (frame is null)
        {
            json.WriteNull("lorawan");
            return;
        }

        json.WriteStartObject("lorawan");
        json.WriteString("mtype", JsonNamingPolicy.SnakeCaseLower.ConvertName(frame.MessageType.ToString()));
        WriteHex(json, "dev_addr", frame.DevAddr is { } devAddr ? IdentifierText.DevAddr(devAddr) : null);
        json.WriteNullable("fcnt", frame.FCnt);
        json.WriteNullable("fport", frame.FPort);
        WriteHex(json, "dev_eui", frame.DevEui is { } devEui ? IdentifierText.Eui(devEui) : null);
        WriteHex(json, "join_eui", frame.JoinEui is { } joinEui ? IdentifierText.Eui(joinEui) : null);
        json.WriteNullable("dev_nonce", frame.DevNonce);
        json.WriteNullable("mic_ok", frame.MicStatus switch
        {
            MicStatus.Valid => true,
            MicStatus.Invalid => false,
            _ => (bool?)null,
        });
        json.WriteEndObject();
    }

    private static void WriteHex(Utf8JsonWriter json, string name, string? hex)
    {
        if (hex is null)
            json.WriteNull(name);
        else
            json.WriteString(name, hex);
    }

    private static string[] TableRow(LoraBurst burst, LorawanFrame? frame)
    {
        var inv = CultureInfo.InvariantCulture;
        var crc = burst.CrcOk switch
        {
            true => "ok",
            false => "BAD",
            null when burst.HasCrc == false => "none",
            null => "-",
        };
        var identity = frame?.DevAddr is { } devAddr ? IdentifierText.DevAddr(devAddr)
            : frame?.DevEui is { } devEui ? IdentifierText.Eui(devEui)
            : "-";
        return
        [
            burst.SampleStart.ToString(inv),
            burst.SpreadingFactor.ToString(inv),
            burst.CfoHz.ToString("0.0", inv),
            burst.SnrDb.ToString("0.0", inv),
            burst.Status switch
            {
                BurstStatus.Decoded => "decoded",
                BurstStatus.HeaderInvalid => "header invalid",
                BurstStatus.Truncated => "truncated",
                _ => "invalid samples",
            },
            crc,
            burst.Status == BurstStatus.Decoded ? burst.Payload.Length.ToString(inv) : "-",
            frame is null ? "-" : JsonNamingPolicy.KebabCaseLower.ConvertName(frame.MessageType.ToString()),
            identity,
            frame?.FCnt?.ToString(inv) ?? "-",
            frame?.FPort?.ToString(inv) ?? "-",
        ];
    }
}
