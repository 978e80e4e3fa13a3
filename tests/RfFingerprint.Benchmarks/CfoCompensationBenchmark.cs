using BenchmarkDotNet.Attributes;
using MathNet.Numerics;
using RfFingerprint.Lora.Synchronization;

namespace RfFingerprint.Benchmarks;

/// <summary>CFO removal over a preamble-sized span; the odd length exercises the tail of each resync block.</summary>
[MemoryDiagnoser]
public class CfoCompensationBenchmark
{
    private Complex32[] _input = [];
    private Complex32[] _output = [];

    [Params(8192, 8191)]
    public int Length { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _input = SignalFactory.Noise(Length, seed: 1);
        _output = new Complex32[Length];
    }

    [Benchmark]
    public void Apply() => CfoCompensation.Apply(_input, _output, cfoHz: 12_345.6, sampleRateHz: 1e6);
}
