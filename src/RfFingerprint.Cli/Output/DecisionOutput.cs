using System.Globalization;
using System.Text.Json;
using RfFingerprint.Fingerprinting.Decisions;
using RfFingerprint.Pipeline.UseCases;

namespace RfFingerprint.Cli.Output;

/// <summary>Per-burst decisions as a streaming table or as JSON lines, plus the tally of verdicts.</summary>
internal sealed class DecisionOutput : IDisposable
{
    private static readonly TextColumn[] Columns =
    [
        new("capture", 14), new("sample", 10, AlignRight: true), new("CFO Hz", 9, AlignRight: true), new("SNR dB", 6, AlignRight: true),
        new("claimed", 16), new("device", 10), new("score", 6, AlignRight: true), new("verdict", 18),
    ];

    private readonly JsonLinesWriter? _json;
    private readonly StreamingTable? _table;

    public DecisionOutput(TextWriter output, bool jsonLines)
    {
        if (jsonLines)
            _json = new JsonLinesWriter(output);
        else
            _table = new StreamingTable(output, Columns);
    }

    /// <summary>Bursts per verdict so far.</summary>
    public Dictionary<Verdict, int> Tally { get; } = Enum.GetValues<Verdict>().ToDictionary(v => v, _ => 0);

    public void Write(BurstDecision result)
    {
        Tally[result.Decision.Verdict]++;
        var burst = result.Burst.Received.Burst;
        var decision = result.Decision;
        if (_json is not null)
        {
            _json.WriteObject(json =>
            {
                json.WriteString("capture", result.Capture);
                json.WriteNumber("sample_start", burst.SampleStart);
                json.WriteNumber("sf", burst.SpreadingFactor);
                json.WriteRounded("cfo_hz", burst.CfoHz, 1);
                json.WriteRounded("snr_db", burst.SnrDb, 2);
                json.WriteString("device", decision.DeviceId);
                json.WriteString("nearest_device", decision.NearestDeviceId);
                json.WriteRounded("score", decision.Score, 4);
                json.WriteString("score_kind", decision.ScoreKind == ScoreKind.Distance ? "distance" : "probability");
                json.WriteString("verdict", result.VerdictText);
                json.WriteString("claimed", decision.Claim?.Text);
                json.WriteString("claimed_device", decision.Claim?.DeviceId);
                json.WriteNullable("cfo_in_range", decision.Cfo.InRange);
                json.WriteStartArray("ruled_out_by_cfo");
                foreach (var device in decision.Cfo.RuledOut)
                    json.WriteStringValue(device);
                json.WriteEndArray();
                json.WriteString("runner_up", decision.RunnerUpDeviceId);
                json.WriteRounded("runner_up_score", decision.RunnerUpScore, 4);
                json.WriteString("model", decision.ModelVersion);
                json.WriteString("reason", decision.Reason);
            });
        }
        else
        {
            _table!.WriteRow(
            [
                Path.GetFileName(result.Capture),
                burst.SampleStart.ToString(CultureInfo.InvariantCulture),
                Number(burst.CfoHz, "0"),
                Number(burst.SnrDb, "0.0"),
                decision.Claim?.Text ?? "-",
                decision.DeviceId ?? (decision.NearestDeviceId is { } nearest ? $"({nearest})" : "-"),
                Number(decision.Score, "0.000"),
                result.VerdictText,
            ]);
        }
    }

    private static string Number(double value, string format) =>
        double.IsFinite(value) ? value.ToString(format, CultureInfo.InvariantCulture) : "-";

    public void Dispose() => _json?.Dispose();
}
