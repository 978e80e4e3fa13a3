using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using RfFingerprint.Sdr.SigMF;
using RfFingerprint.Simulation;

namespace RfFingerprint.Benchmarks.Load;

/// <summary>
/// <c>replay</c> mode: end-to-end replay throughput of the real <c>rffp</c> process into a fresh SQLite registry, and where
/// the time goes. A simulated traffic set (ci16, 1 MS/s, as the capture worker records) is replayed by separate rffp
/// processes: start-up alone (one recording), <c>identify</c> (receiver, features, model, decisions; no hashing, no
/// writes) and <c>replay</c> (the same plus the SHA-512 capture identity and the event writes), each on a registry with
/// one enrolled device. CPU time is the children's user + system time from getrusage.
/// </summary>
internal static partial class ReplayBench
{
    private const int ChildrenUsage = -1;

    public static async Task<int> RunAsync(BenchArgs args)
    {
        var devices = args.Integer("devices", 60);
        var bursts = args.Integer("bursts", 40);
        var repeats = args.Integer("repeats", 3);
        var rffp = args.Text("rffp") ?? DefaultRffp();
        args.RejectUnknown();
        if (!File.Exists(rffp))
        {
            Console.Error.WriteLine($"replay: rffp not found at {rffp}: build src/RfFingerprint.Cli -c Release or pass --rffp PATH (rffp.dll or a published rffp)");
            return 2;
        }

        await using var workspace = await BenchWorkspace.CreateAsync("sqlite");
        var traffic = Path.Combine(workspace.Folder, "traffic");
        Console.Error.WriteLine($"simulating {devices} devices x {bursts} bursts (ci16_le, 1 MS/s) ...");
        var simulated = SimulationRunner.Run(new SimulationOptions
        {
            Devices = devices,
            BurstsPerDevice = bursts,
            Seed = 7,
            Session = 1,
            SnrDb = 25,
            SampleRateHz = 1e6,
            Datatype = SigMFDatatype.Ci16Le,
            OutputDirectory = traffic,
            MaxDegreeOfParallelism = Environment.ProcessorCount,
        });
        var firstRecording = simulated.Recordings[0].MetaPath;
        var dataBytes = simulated.Recordings.Sum(r => new FileInfo(SigMFPaths.DataPath(r.MetaPath)).Length);
        var samples = dataBytes / SigMFDatatype.Ci16Le.BytesPerSample;

        var startup = await MeasureAsync(rffp, workspace, firstRecording, "identify", repeats);
        var identify = await MeasureAsync(rffp, workspace, firstRecording, "identify", repeats, traffic);
        var replay = await MeasureAsync(rffp, workspace, firstRecording, "replay", repeats, traffic);
        var hash = HashSeconds(simulated.Recordings.Select(r => r.MetaPath));

        var decided = replay.Bursts;
        var table = new MarkdownTable(
            $"replay: {simulated.Recordings.Count} recordings, {decided} bursts, {dataBytes / 1e6:0} MB ci16_le at 1 MS/s "
            + $"({samples / 1e6 / Math.Max(decided, 1) * 1e3:0} ms of signal per burst), SQLite registry with one enrolled device; "
            + $"median of {repeats} runs of `{Path.GetFileName(rffp)}` on {Environment.ProcessorCount} cores");
        Row(table, "start-up: identify of one recording", startup, decided: null);
        Row(table, "identify (receive, fingerprint, decide)", identify, decided);
        Row(table, "replay (+ SHA-512 identity, event writes)", replay, decided);
        table.Add("**replay throughput, bursts/s (wall)**", Rate(decided, replay.WallSeconds));
        table.Add("replay events written / bursts identified", $"{replay.NewEvents} / {identify.Bursts}");
        table.Add("replay - identify, CPU s (hashing, registering, writing events)", (replay.CpuSeconds - identify.CpuSeconds).ToString("0.00", CultureInfo.InvariantCulture));
        table.Add("SHA-512 of the data files on one core, CPU s (MB/s)", $"{hash:0.00} ({dataBytes / 1e6 / hash:0})");
        table.Add("load average at end", ProcessStats.LoadAverage());
        Console.WriteLine(table);
        return replay.NewEvents == identify.Bursts && identify.Bursts > 0 ? 0 : 1;
    }

    private static void Row(MarkdownTable table, string name, Measured run, int? decided)
    {
        var perBurst = decided is > 0 ? $", {run.CpuSeconds * 1e3 / decided.Value:0.00} CPU ms/burst" : "";
        table.Add($"{name}: wall s / CPU s", $"{run.WallSeconds:0.00} / {run.CpuSeconds:0.00}{perBurst}");
    }

    private static string Rate(int bursts, double seconds) => (bursts / seconds).ToString("0", CultureInfo.InvariantCulture);

    // Each run gets a new registry with the first recording's device enrolled (not timed), then runs the verb on
    // `target` (the first recording alone when null) in a new rffp process.
    private static async Task<Measured> MeasureAsync(string rffp, BenchWorkspace workspace, string enrolFrom, string verb, int repeats, string? target = null)
    {
        var runs = new List<Measured>();
        for (var i = 0; i < repeats; i++)
        {
            var registry = Path.Combine(workspace.Folder, $"run-{verb}-{target is null}-{i}.db");
            var device = Path.GetFileName(enrolFrom)[..^SigMFPaths.MetaExtension.Length];
            await RunAsync(rffp, ["--registry", registry, "enroll", "--device", device, enrolFrom]);
            var before = ChildrenCpuSeconds();
            var clock = Stopwatch.StartNew();
            var output = await RunAsync(rffp, ["--registry", registry, verb, target ?? enrolFrom]);
            var wall = clock.Elapsed.TotalSeconds;
            var cpu = ChildrenCpuSeconds() - before;
            runs.Add(new Measured(wall, cpu, Count(output, @"^(\d+) bursts:"), Count(output, @"^events: (\d+) new")));
        }

        return runs.OrderBy(r => r.WallSeconds).ElementAt(runs.Count / 2);
    }

    private static int Count(string output, string pattern)
    {
        var match = Regex.Match(output, pattern, RegexOptions.Multiline);
        return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
    }

    private static async Task<string> RunAsync(string rffp, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(rffp.EndsWith(".dll", StringComparison.Ordinal) ? "dotnet" : rffp)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = BenchWorkspace.RepoRoot,
        };
        if (rffp.EndsWith(".dll", StringComparison.Ordinal))
        {
            start.ArgumentList.Add(rffp);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"rffp {string.Join(' ', arguments)} exited with {process.ExitCode}: {await stderr}");
        }

        // rffp prints the per-burst table on standard output and its summary lines on standard error.
        return await stdout + await stderr;
    }

    // The capture identity as rffp computes it (SigMFRecording.ComputeSha512), one recording after another on this thread.
    private static double HashSeconds(IEnumerable<string> metaPaths)
    {
        var clock = Stopwatch.StartNew();
        foreach (var path in metaPaths)
        {
            using var recording = SigMFRecording.Open(path);
            _ = recording.ComputeSha512();
        }

        return clock.Elapsed.TotalSeconds;
    }

    // The rffp build beside this benchmark's (same artifacts tree and configuration).
    private static string DefaultRffp() =>
        Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "RfFingerprint.Cli", Path.GetFileName(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)), "rffp.dll"));

    private static double ChildrenCpuSeconds()
    {
        if (GetResourceUsage(ChildrenUsage, out var usage) != 0)
        {
            throw new InvalidOperationException($"getrusage failed: errno {Marshal.GetLastPInvokeError()}");
        }

        return usage.UserSeconds + (usage.UserMicroseconds / 1e6) + usage.SystemSeconds + (usage.SystemMicroseconds / 1e6);
    }

    [LibraryImport("libc", EntryPoint = "getrusage", SetLastError = true)]
    private static partial int GetResourceUsage(int who, out ResourceUsage usage);

    // struct rusage on 64-bit Linux: two timevals, then fourteen longs this benchmark does not read.
    [StructLayout(LayoutKind.Sequential)]
    private unsafe struct ResourceUsage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        public fixed long Rest[14];
    }

    private sealed record Measured(double WallSeconds, double CpuSeconds, int Bursts, int NewEvents);
}
