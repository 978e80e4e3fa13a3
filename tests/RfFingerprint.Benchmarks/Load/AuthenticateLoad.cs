using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using MathNet.Numerics;
using RfFingerprint.Registry.Inputs;

namespace RfFingerprint.Benchmarks.Load;

/// <summary>
/// <c>authenticate</c> mode: a fixed number of single-burst raw cf32 uploads over N keep-alive connections against the
/// real service (a child process on 127.0.0.1) with a real registry; then the registry's event rows are counted
/// against the bursts the accepted responses reported, so a lost or duplicated event shows.
/// </summary>
internal static class AuthenticateLoad
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var requests = args.Integer("requests", 20_000);
        var connections = args.Integer("connections", 32);
        var warmup = args.Integer("warmup", 500);
        var devices = args.Integer("devices", 4);
        var marginMs = args.Number("margin-ms", 2);
        var database = args.Text("database", "sqlite");
        args.RejectUnknown();
        if (requests < 1 || connections < 1 || warmup < 0 || devices < 1)
        {
            throw new ArgumentException("--requests and --connections must be positive, --warmup non-negative, --devices positive");
        }

        await using var workspace = await BenchWorkspace.CreateAsync(database);
        var enrol = workspace.Simulate(devices, burstsPerDevice: 8, session: 3, "enrol");
        var traffic = workspace.Simulate(devices, burstsPerDevice: 8, session: 5, "traffic");
        var bursts = BurstBodies.Cut(traffic, marginMs / 1000);

        await using var service = await ServiceProcess.StartAsync(workspace.ServiceSettings());
        await workspace.EnrolAsync(service.BaseAddress, enrol);

        using var client = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        })
        {
            BaseAddress = service.BaseAddress,
            Timeout = TimeSpan.FromMinutes(2),
        };
        client.DefaultRequestHeaders.Add("X-Api-Key", workspace.OperatorKey);

        var warm = await RunRequestsAsync(client, bursts, firstIndex: 0, warmup, connections);
        var serverCpu0 = service.CpuSeconds();
        var clientCpu0 = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        var load0 = ProcessStats.LoadAverage();
        var clock = Stopwatch.StartNew();
        var measured = await RunRequestsAsync(client, bursts, firstIndex: warmup, requests, connections);
        var seconds = clock.Elapsed.TotalSeconds;
        var serverCpu = service.CpuSeconds() - serverCpu0;
        var clientCpu = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds - clientCpu0;
        var load1 = ProcessStats.LoadAverage();
        var rss = service.RssMiB();

        long events;
        await using (var registry = workspace.OpenRegistry())
        {
            events = await registry.CountEventsAsync(new EventQuery());
        }

        var accepted = warm.Accepted + measured.Accepted;
        var acceptedBursts = warm.Bursts + measured.Bursts;
        var latency = new LatencySummary(measured.LatenciesMs);
        var table = new MarkdownTable($"authenticate: {requests} single-burst raw cf32 requests over {connections} connections, {workspace.DatabaseName} registry, {Environment.ProcessorCount} cores")
            .Add("body", $"{bursts.Count} distinct SF7 bursts at 1 MS/s, {bursts.Average(b => b.Length) * 8 / 1024:0} KiB mean (each request a distinct capture)")
            .Add("requests/s", F(measured.Accepted / seconds, "0"))
            .Add("latency p50 / p99 / max, ms", $"{F(latency.Percentile(50), "0.0")} / {F(latency.Percentile(99), "0.0")} / {F(latency.Max, "0.0")}")
            .Add("accepted / refused / failed", $"{measured.Accepted} / {measured.Refused} / {measured.Failed}{measured.FirstProblem}")
            .Add("server CPU, s (per request, ms)", $"{F(serverCpu, "0.0")} ({F(serverCpu * 1000 / requests, "0.00")})")
            .Add("load generator CPU, s", F(clientCpu, "0.0"))
            .Add("wall time, s", F(seconds, "0.0"))
            .Add("server RSS at end, MiB", F(rss, "0"))
            .Add("load average before / after", $"{load0} / {load1}")
            .Add("accepted requests incl. warm-up (bursts they reported)", $"{accepted} ({acceptedBursts})")
            .Add("event rows in the registry", events.ToString(CultureInfo.InvariantCulture))
            .Add("lost / duplicated events", events == acceptedBursts ? "0 / 0" : $"MISMATCH: {acceptedBursts - events} missing");
        Console.WriteLine(table);
        return events == acceptedBursts && measured.Failed == 0 ? 0 : 1;
    }

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static async Task<Outcome> RunRequestsAsync(HttpClient client, IReadOnlyList<Complex32[]> bursts, long firstIndex, int count, int connections)
    {
        var outcome = new Outcome(count);
        var next = -1L;
        async Task WorkerAsync()
        {
            while (true)
            {
                var i = Interlocked.Increment(ref next);
                if (i >= count)
                {
                    return;
                }

                using var content = new ByteArrayContent(BurstBodies.Body(bursts, firstIndex + i));
                content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                content.Headers.Add("X-Sample-Rate-Hz", "1000000");
                content.Headers.Add("X-Center-Frequency-Hz", "868100000");
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.PostAsync("/api/v1/authenticate", content);
                    var body = await response.Content.ReadAsByteArrayAsync();
                    var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        using var json = JsonDocument.Parse(body);
                        outcome.Accept(i, elapsedMs, json.RootElement.GetProperty("bursts").GetInt32());
                    }
                    else
                    {
                        outcome.Refuse((int)response.StatusCode, System.Text.Encoding.UTF8.GetString(body));
                    }
                }
                catch (HttpRequestException ex)
                {
                    outcome.Fail(ex.Message);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Task.Run(WorkerAsync)));
        return outcome;
    }

    /// <summary>Counts of one run; thread-safe.</summary>
    private sealed class Outcome(int count)
    {
        private readonly double[] _latenciesMs = Enumerable.Repeat(double.NaN, count).ToArray();
        private long _accepted;
        private long _bursts;
        private long _refused;
        private long _failed;
        private string? _firstProblem;

        public long Accepted => Interlocked.Read(ref _accepted);

        public long Bursts => Interlocked.Read(ref _bursts);

        /// <summary>Answered with a status other than 200 (nothing acknowledged).</summary>
        public long Refused => Interlocked.Read(ref _refused);

        /// <summary>No answer (connection failure).</summary>
        public long Failed => Interlocked.Read(ref _failed) + Refused;

        public string FirstProblem => _firstProblem is null ? "" : $" (first: {_firstProblem})";

        public IEnumerable<double> LatenciesMs => _latenciesMs.Where(double.IsFinite);

        public void Accept(long index, double elapsedMs, int bursts)
        {
            _latenciesMs[index] = elapsedMs;
            Interlocked.Increment(ref _accepted);
            Interlocked.Add(ref _bursts, bursts);
        }

        public void Refuse(int status, string body)
        {
            Interlocked.Increment(ref _refused);
            Interlocked.CompareExchange(ref _firstProblem, $"{status}: {body[..Math.Min(body.Length, 200)]}", null);
        }

        public void Fail(string message)
        {
            Interlocked.Increment(ref _failed);
            Interlocked.CompareExchange(ref _firstProblem, message, null);
        }
    }
}
