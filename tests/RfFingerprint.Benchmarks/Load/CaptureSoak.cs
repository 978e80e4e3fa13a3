using System.Diagnostics;
using System.Globalization;
using MathNet.Numerics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RfFingerprint.Registry.Inputs;
using RfFingerprint.Sdr.Streaming;
using RfFingerprint.Service.Capture;
using RfFingerprint.Service.Hosting;

namespace RfFingerprint.Benchmarks.Load;

/// <summary>
/// <c>capture</c> mode: the service's capture worker (in this process, on a real registry) fed by a
/// <see cref="SyntheticBurstSource"/> at a fixed delivery rate for a fixed time; reports the rate achieved, what the
/// worker's queue dropped, resident memory over the run, and the bursts decided against the events stored.
/// </summary>
internal static class CaptureSoak
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var durationSeconds = args.Number("duration", 300);
        var rate = args.Number("rate", 25e6);
        var sampleRateHz = args.Number("sample-rate", 1e6);
        var occupancy = args.Number("occupancy", 0.1);
        var queueBlocks = args.Integer("queue-blocks", 64);
        var devices = args.Integer("devices", 4);
        var database = args.Text("database", "sqlite");
        args.RejectUnknown();

        await using var workspace = await BenchWorkspace.CreateAsync(database);
        var enrol = workspace.Simulate(devices, burstsPerDevice: 8, session: 3, "enrol");
        var traffic = workspace.Simulate(devices, burstsPerDevice: 8, session: 5, "traffic", sampleRateHz);
        const double marginSeconds = 0.002;
        var bursts = BurstBodies.Cut(traffic, marginSeconds);
        var provider = new SyntheticProvider(new SyntheticBurstSourceOptions
        {
            Bursts = bursts,
            SampleRateHz = sampleRateHz,
            DeliveryRateSamplesPerSecond = rate,
            Occupancy = occupancy,
            NoiseRms = NoiseRms(bursts, (int)(marginSeconds * sampleRateHz / 2)),
            Seed = 11,
        });

        var settings = workspace.ServiceSettings();
        settings["urls"] = "http://127.0.0.1:0";
        settings["Capture:Source"] = SyntheticProvider.SourceName;
        settings["Capture:QueueBlocks"] = queueBlocks.ToString(CultureInfo.InvariantCulture);
        settings["Logging:LogLevel:Default"] = "Warning";
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(settings.Select(kv => new KeyValuePair<string, string?>(kv.Key, kv.Value)));
        builder.AddRffpService();
        builder.Services.AddSingleton<IIqSourceProvider>(provider);
        await using var app = builder.Build();
        app.UseRffpService();
        await app.StartAsync();
        await workspace.EnrolAsync(new Uri(app.Urls.First()), enrol);

        var sessions = app.Services.GetRequiredService<CaptureSessionManager>();
        var self = Process.GetCurrentProcess();
        var cpu0 = self.TotalProcessorTime.TotalSeconds;
        var load0 = ProcessStats.LoadAverage();
        var clock = Stopwatch.StartNew();
        var (_, completion) = sessions.Start(CaptureRecordMode.None, TimeSpan.FromSeconds(durationSeconds));
        var rss = new List<(double Seconds, double MiB, double HeapMiB)>();
        while (!completion.IsCompleted)
        {
            rss.Add((clock.Elapsed.TotalSeconds, ProcessStats.RssMiB(Environment.ProcessId), GC.GetTotalMemory(false) / 1048576.0));
            await Task.WhenAny(completion, Task.Delay(TimeSpan.FromSeconds(Math.Clamp(durationSeconds / 30, 1, 10))));
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var cpu = self.TotalProcessorTime.TotalSeconds - cpu0;
        rss.Add((seconds, ProcessStats.RssMiB(Environment.ProcessId), GC.GetTotalMemory(false) / 1048576.0));
        var status = sessions.Status;
        long events;
        await using (var registry = workspace.OpenRegistry())
        {
            events = status.CaptureId is { } id ? await registry.CountEventsAsync(new EventQuery { CaptureId = id }) : 0;
        }

        await app.StopAsync();
        var source = provider.Last!;
        var start = rss[Math.Min(1, rss.Count - 1)];
        var middle = rss.MinBy(r => Math.Abs(r.Seconds - seconds / 2));
        var end = rss[^1];
        var processed = status.SamplesReceived - status.SamplesDropped;
        var table = new MarkdownTable($"capture: synthetic {sampleRateHz / 1e6:0.###} MS/s stream delivered at {rate / 1e6:0.###} MS/s for {durationSeconds:0} s, {occupancy:P0} occupancy, {workspace.DatabaseName} registry, {Environment.ProcessorCount} cores")
            .Add("session state", status.State + (status.Error is { } error ? $" ({error})" : ""))
            .Add("samples delivered by the source (skipped by it when late)", $"{source.SamplesDelivered:N0} ({source.SamplesSkipped:N0})")
            .Add("achieved delivery, MS/s", F(source.SamplesDelivered / seconds / 1e6, "0.00"))
            .Add("samples through detection, MS/s", F(processed / seconds / 1e6, "0.00"))
            .Add("dropped by the worker's queue, samples (blocks)", $"{status.SamplesDropped:N0} ({(status.SamplesReceived == 0 ? 0 : 100.0 * status.SamplesDropped / status.SamplesReceived):0.00} %)")
            .Add("bursts played / decided / event rows", $"{source.BurstsStarted:N0} / {status.Bursts:N0} / {events:N0}")
            .Add("RSS start / middle / end, MiB", $"{F(start.MiB, "0")} ({F(start.Seconds, "0")} s) / {F(middle.MiB, "0")} ({F(middle.Seconds, "0")} s) / {F(end.MiB, "0")} ({F(end.Seconds, "0")} s)")
            .Add("managed heap start / middle / end, MiB", $"{F(start.HeapMiB, "0")} / {F(middle.HeapMiB, "0")} / {F(end.HeapMiB, "0")}")
            .Add("process CPU, s (cores busy)", $"{F(cpu, "0")} ({F(cpu / seconds, "0.00")})")
            .Add("load average before / after", $"{load0} / {ProcessStats.LoadAverage()}");
        Console.WriteLine(table);
        return status.State == "stopped" ? 0 : 1;
    }

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>RMS of the first <paramref name="samples"/> of each burst (the noise before it).</summary>
    private static double NoiseRms(IReadOnlyList<Complex32[]> bursts, int samples)
    {
        double power = 0;
        long count = 0;
        foreach (var burst in bursts)
        {
            foreach (var x in burst.AsSpan(0, Math.Min(samples, burst.Length)))
            {
                power += x.MagnitudeSquared();
                count++;
            }
        }

        return Math.Sqrt(power / count);
    }

    /// <summary>Hands the capture worker a new synthetic source per session.</summary>
    private sealed class SyntheticProvider(SyntheticBurstSourceOptions options) : IIqSourceProvider
    {
        public const string SourceName = "synthetic";

        public string Name => SourceName;

        public SyntheticBurstSource? Last { get; private set; }

        public Task<IIqSource> CreateAsync(CancellationToken cancellationToken)
        {
            Last = new SyntheticBurstSource(options);
            return Task.FromResult<IIqSource>(Last);
        }
    }
}
