using RfFingerprint.Lora.Evaluation;

namespace RfFingerprint.Lora.Tests.Synchronization;

public class SfdSearchTests
{
    [Fact]
    public void At_minus_8_db_no_frame_is_synchronised_a_whole_bin_off()
    {
        // Seed 11's first 200 frames held four joint CFO/timing slips (2 to 39 bins) before the SFD was searched on the
        // chip grid: the SFD picked from two windows off that grid lost to noise on weak frames.
        var row = ReceiverEvaluation.Run(new ReceiverEvaluationOptions { SnrDb = [-8], FramesPerPoint = 200, Seed = 11 }).Single();

        Assert.Equal(0, row.Slips);
        Assert.True(row.DetectionRate >= 0.99, $"detected {row.DetectionRate:P1}");
        Assert.True(row.CrcOkRate >= 0.90, $"CRC OK {row.CrcOkRate:P1}");
        Assert.InRange(row.CfoRmseHz, 0, 10);
    }
}
