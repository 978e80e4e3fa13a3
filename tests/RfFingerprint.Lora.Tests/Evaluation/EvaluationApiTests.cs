using RfFingerprint.Lora.Evaluation;
using RfFingerprint.Lora.Receiver;

namespace RfFingerprint.Lora.Tests.Evaluation;

public class EvaluationApiTests
{
    [Fact]
    public void Receiver_evaluation_reports_one_row_per_snr_with_rates_and_cfo_error()
    {
        var rows = ReceiverEvaluation.Run(new ReceiverEvaluationOptions { SnrDb = [10, 0], FramesPerPoint = 4, SampleRateHz = 500_000 });

        Assert.Equal([10.0, 0.0], rows.Select(r => r.SnrDb));
        Assert.All(rows, r => Assert.Equal(1.0, r.CrcOkRate));
        Assert.All(rows, r => Assert.InRange(r.CfoRmseHz, 0, 20));
        Assert.True(rows[0].CfoCrbHz < rows[1].CfoCrbHz);
    }

    [Fact]
    public void Cramer_rao_bound_matches_the_tone_formula()
    {
        // N = 8 * 1024 samples at 1 MS/s, per-sample SNR = 1/8 (0 dB in-band, oversampling 8).
        var n = 8192.0;
        var expected = Math.Sqrt(6 * 1e12 / (4 * Math.PI * Math.PI * 0.125 * n * ((n * n) - 1)));
        Assert.Equal(expected, ReceiverEvaluation.CfoCramerRaoBoundHz(new LoraParameters(), 0), 9);
    }

    [Fact]
    public void Throughput_benchmark_counts_samples_bursts_and_allocations()
    {
        var result = ThroughputBenchmark.Run(new ThroughputOptions { StreamSeconds = 0.3, Passes = 1, WarmupSeconds = 0, SampleRateHz = 500_000, Occupancy = 0.3 });

        Assert.InRange(result.Samples, 130_000, 170_000);
        Assert.True(result.Bursts > 0);
        Assert.Equal(result.Bursts, result.CrcOkBursts);
        Assert.True(result.MegaSamplesPerSecond > 0);
    }

    [Fact]
    public void False_alarm_count_on_noise_is_reported_per_ten_minutes()
    {
        var result = ReceiverEvaluation.FalseAlarms(new LoraReceiverOptions { SampleRateHz = 500_000 }, seconds: 1);
        Assert.Equal(0, result.Bursts);
        Assert.Equal(0, result.BurstsPerTenMinutes);
    }
}
