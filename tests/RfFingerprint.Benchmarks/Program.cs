using BenchmarkDotNet.Running;
using RfFingerprint.Benchmarks.Load;

// Load modes (figures for the service's issue note, each printed as a markdown table):
//   dotnet run -c Release --project tests/RfFingerprint.Benchmarks -- authenticate --requests 20000 --connections 32 [--database sqlite|postgres]
//   dotnet run -c Release --project tests/RfFingerprint.Benchmarks -- capture --duration 300 --rate 25e6
//   dotnet run -c Release --project tests/RfFingerprint.Benchmarks -- restart
// Anything else goes to BenchmarkDotNet: `-- --filter '*'` runs every micro-benchmark; the CLI's `rffp bench` reports
// the same stages as per-core rates without BenchmarkDotNet's harness.
return args switch
{
    ["authenticate", .. var rest] => await AuthenticateLoad.RunAsync(new BenchArgs(rest)),
    ["capture", .. var rest] => await CaptureSoak.RunAsync(new BenchArgs(rest)),
    ["restart", .. var rest] => await RestartBench.RunAsync(new BenchArgs(rest)),
    _ => Run(args),
};

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(BenchArgs).Assembly).Run(args);
    return 0;
}
