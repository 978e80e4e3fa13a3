using BenchmarkDotNet.Running;

// `dotnet run -c Release --project tests/RfFingerprint.Benchmarks -- --filter '*'` runs every scenario;
// the CLI's `rffp bench` reports the same stages as per-core rates without BenchmarkDotNet's harness.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
