using BenchmarkDotNet.Running;
using RfFingerprint.Benchmarks.Load;

// Load modes for the service's and the CLI's figures (authenticate, capture, restart, replay; `-- --help` lists their options), run as
// `dotnet run -c Release --project tests/RfFingerprint.Benchmarks -- authenticate --requests 20000 --connections 32`.
// Anything else goes to BenchmarkDotNet: `-- --filter '*'` runs every micro-benchmark; the CLI's `rffp bench` reports
// the same stages as per-core rates without BenchmarkDotNet's harness.
const string LoadUsage = """
    load modes (each prints a markdown table of its figures):
      authenticate [--requests 20000] [--connections 32] [--warmup 500] [--devices 4] [--margin-ms 2] [--database sqlite|postgres]
      capture [--duration 300] [--rate 25e6] [--sample-rate 1e6] [--occupancy 0.1] [--queue-blocks 64] [--devices 4] [--database sqlite|postgres]
      restart [--bursts 600] [--kill-at-progress 0.6] [--database sqlite|postgres]
      replay [--devices 60] [--bursts 40] [--repeats 3] [--rffp PATH-to-rffp.dll-or-published-rffp]
    anything else goes to BenchmarkDotNet (e.g. -- --filter '*')
    """;

if (args is [var mode and ("authenticate" or "capture" or "restart" or "replay"), .. var rest])
{
    BenchArgs options;
    try
    {
        options = new BenchArgs(rest);
    }
    catch (ArgumentException ex)
    {
        // A mistyped command line gets the usage, not a stack trace.
        Console.Error.WriteLine($"{mode}: {ex.Message}");
        Console.Error.WriteLine(LoadUsage);
        return 2;
    }

    return mode switch
    {
        "authenticate" => await AuthenticateLoad.RunAsync(options),
        "capture" => await CaptureSoak.RunAsync(options),
        "replay" => await ReplayBench.RunAsync(options),
        _ => await RestartBench.RunAsync(options),
    };
}

if (args is ["--help" or "-h"])
{
    Console.WriteLine(LoadUsage);
}

return Run(args);

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(BenchArgs).Assembly).Run(args);
    return 0;
}
