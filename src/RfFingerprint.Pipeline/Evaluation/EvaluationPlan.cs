namespace RfFingerprint.Pipeline.Evaluation;

/// <summary>
/// What <see cref="EvaluationRunner"/> simulates and measures. Devices 0 … <see cref="ClosedSetDevices"/>−1 of population
/// <see cref="PopulationSeed"/> are the closed-set (and enrolled) devices; devices up to the largest of
/// <see cref="DeviceCounts"/> serve the device-count scan. The open-set measurement enrols <see cref="OpenSetGroups"/>
/// disjoint groups of <see cref="ClosedSetDevices"/> devices in turn (group 0 = the closed-set devices); for each group
/// every other device is a rogue: the other groups' devices and <see cref="RogueDevices"/> further devices that are
/// only seen on day 2. Day 1 is a cold start (session <see cref="Day1Session"/>), day 2 another session of warmed-up
/// devices with other channel draws.
/// </summary>
public sealed record EvaluationPlan
{
    /// <summary>Population seed; pick one the extractor was not trained on, so every device is new to it.</summary>
    public ulong PopulationSeed { get; init; } = 2000;

    /// <summary>Session seed of day 1 (training and enrolment bursts, devices switched on at the start).</summary>
    public ulong Day1Session { get; init; } = 1;

    /// <summary>Session seed of day 2 (test bursts).</summary>
    public ulong Day2Session { get; init; } = 2;

    /// <summary>Session seed of the SNR sweep (a third day, warmed-up devices).</summary>
    public ulong SweepSession { get; init; } = 3;

    /// <summary>Minutes the devices have been on when the day-2 and sweep sessions start.</summary>
    public double WarmMinutesSincePowerOn { get; init; } = 45;

    /// <summary>Devices of the closed-set, baseline and enrolment measurements (the seed paper used 20).</summary>
    public int ClosedSetDevices { get; init; } = 20;

    /// <summary>Day-1 bursts per closed-set device (classifier training set; the largest enrolment size).</summary>
    public int Day1Bursts { get; init; } = 50;

    /// <summary>Day-2 bursts per closed-set device.</summary>
    public int Day2Bursts { get; init; } = 25;

    /// <summary>SNR-sweep bursts per closed-set device and SNR level.</summary>
    public int SweepBursts { get; init; } = 4;

    /// <summary>Population sizes of the device-count scan (the largest sets how many devices are simulated).</summary>
    public IReadOnlyList<int> DeviceCounts { get; init; } = [10, 20, 50, 100];

    /// <summary>Day-1 bursts per device enrolled in the device-count scan (every device, closed-set ones included).</summary>
    public int ScanEnrolBursts { get; init; } = 10;

    /// <summary>Day-2 bursts per device tested in the device-count scan.</summary>
    public int ScanTestBursts { get; init; } = 6;

    /// <summary>
    /// Disjoint groups of <see cref="ClosedSetDevices"/> devices enrolled in turn for the open-set measurement, whose
    /// scores are pooled (more devices behind the known and rogue scores than one group gives). With more than one group,
    /// every device of the device-count scan gets <see cref="Day1Bursts"/> and <see cref="Day2Bursts"/> bursts.
    /// </summary>
    public int OpenSetGroups { get; init; } = 5;

    /// <summary>Devices simulated only on day 2 (devices <see cref="TotalDevices"/> and up), rogue to every group.</summary>
    public int RogueDevices { get; init; } = 300;

    /// <summary>Day-2 bursts per device of <see cref="RogueDevices"/>.</summary>
    public int RogueBursts { get; init; } = 5;

    /// <summary>Enrolment sizes (day-1 bursts per device) of the open-set measurements.</summary>
    public IReadOnlyList<int> EnrolmentSizes { get; init; } = [10, 25, 50];

    /// <summary>Mean in-band SNR of day 1 and day 2, in dB.</summary>
    public double SnrDb { get; init; } = 25;

    /// <summary>Per-burst SNR spread (uniform ±) of day 1 and day 2, in dB.</summary>
    public double SnrSpreadDb { get; init; } = 5;

    /// <summary>In-band SNRs of the sweep, in dB: one simulated set per level, same session (only the noise level differs).</summary>
    public IReadOnlyList<double> SweepSnrLevelsDb { get; init; } = [0, 5, 10, 15, 20, 25, 30];

    /// <summary>Epochs of the closed-set classifiers trained on day 1 (0: no classifier is trained).</summary>
    public int ClassifierEpochs { get; init; } = 15;

    /// <summary>Further train.py options for the classifiers (e.g. <c>--widths 4,4,8</c> for a tiny model).</summary>
    public IReadOnlyList<string> ClassifierArguments { get; init; } = [];

    /// <summary>Batch size of the throughput measurement.</summary>
    public int SpeedBatchSize { get; init; } = 64;

    /// <summary>Minimum duration of the throughput measurement, in seconds.</summary>
    public double SpeedSeconds { get; init; } = 3;

    /// <summary>Single-burst runs timed for the latency percentiles.</summary>
    public int LatencyRuns { get; init; } = 300;

    /// <summary>The largest device count: devices 0 … this−1 are simulated on both days.</summary>
    public int TotalDevices => Math.Max(ClosedSetDevices, DeviceCounts.Count == 0 ? 0 : DeviceCounts.Max());

    /// <summary>A small plan for tests and smoke runs: 3 closed-set devices, 5 in all, a few bursts each, a 2-epoch classifier.</summary>
    public static EvaluationPlan Quick { get; } = new()
    {
        ClosedSetDevices = 3,
        Day1Bursts = 6,
        Day2Bursts = 4,
        SweepBursts = 2,
        SweepSnrLevelsDb = [5, 25],
        DeviceCounts = [2, 3, 5],
        ScanEnrolBursts = 3,
        ScanTestBursts = 2,
        EnrolmentSizes = [2, 6],
        OpenSetGroups = 1,
        RogueDevices = 2,
        RogueBursts = 2,
        ClassifierEpochs = 2,
        ClassifierArguments = ["--widths", "4,4,8", "--embedding-dim", "8", "--batch-size", "8"],
        SpeedSeconds = 0.2,
        LatencyRuns = 20,
    };

    /// <summary>Checks the plan.</summary>
    /// <exception cref="ArgumentException">A value is out of range (the message names it).</exception>
    public EvaluationPlan Validate()
    {
        if (ClosedSetDevices < 2)
            throw new ArgumentException("ClosedSetDevices must be at least 2.", nameof(ClosedSetDevices));
        if (Day1Bursts < 1 || Day2Bursts < 1 || SweepBursts < 1)
            throw new ArgumentException("Day1Bursts, Day2Bursts and SweepBursts must be positive.", nameof(Day1Bursts));
        if (DeviceCounts.Count == 0 || DeviceCounts.Any(n => n < 2))
            throw new ArgumentException("DeviceCounts must list populations of at least 2 devices.", nameof(DeviceCounts));
        if (TotalDevices <= ClosedSetDevices)
            throw new ArgumentException($"The largest device count must exceed ClosedSetDevices ({ClosedSetDevices}) so that rogue devices exist.", nameof(DeviceCounts));
        if (ScanEnrolBursts < 1 || ScanEnrolBursts > Day1Bursts || ScanTestBursts < 1 || ScanTestBursts > Day2Bursts)
            throw new ArgumentException("ScanEnrolBursts must be 1..Day1Bursts and ScanTestBursts 1..Day2Bursts.", nameof(ScanEnrolBursts));
        if (OpenSetGroups < 1 || OpenSetGroups * ClosedSetDevices > TotalDevices)
            throw new ArgumentException($"OpenSetGroups must be at least 1 and OpenSetGroups x ClosedSetDevices at most the largest device count ({TotalDevices}).", nameof(OpenSetGroups));
        if (RogueDevices < 0 || (RogueDevices > 0 && RogueBursts < 1))
            throw new ArgumentException("RogueDevices must not be negative and RogueBursts must be positive.", nameof(RogueDevices));
        if (EnrolmentSizes.Count == 0 || EnrolmentSizes.Any(n => n < 1 || n > Day1Bursts))
            throw new ArgumentException($"EnrolmentSizes must lie within 1..Day1Bursts ({Day1Bursts}).", nameof(EnrolmentSizes));
        if (!double.IsFinite(SnrDb) || !(SnrSpreadDb >= 0))
            throw new ArgumentException("SnrDb must be finite and SnrSpreadDb not negative.", nameof(SnrDb));
        if (SweepSnrLevelsDb.Count == 0 || SweepSnrLevelsDb.Any(l => !double.IsFinite(l)) || SweepSnrLevelsDb.Distinct().Count() != SweepSnrLevelsDb.Count)
            throw new ArgumentException("SweepSnrLevelsDb must list distinct finite SNRs.", nameof(SweepSnrLevelsDb));
        if (!(WarmMinutesSincePowerOn >= 0))
            throw new ArgumentException("WarmMinutesSincePowerOn must not be negative.", nameof(WarmMinutesSincePowerOn));
        if (ClassifierEpochs < 0)
            throw new ArgumentException("ClassifierEpochs must not be negative.", nameof(ClassifierEpochs));
        if (SpeedBatchSize < 1 || LatencyRuns < 1 || !(SpeedSeconds > 0))
            throw new ArgumentException("SpeedBatchSize, LatencyRuns and SpeedSeconds must be positive.", nameof(SpeedBatchSize));
        return this;
    }
}
