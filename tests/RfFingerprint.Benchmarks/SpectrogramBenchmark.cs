using BenchmarkDotNet.Attributes;
using MathNet.Numerics;
using RfFingerprint.Fingerprinting.Features;

namespace RfFingerprint.Benchmarks;

/// <summary>Feature extraction for one burst (CFO compensation, RMS normalisation, STFT, crop, log ratio).</summary>
[MemoryDiagnoser]
public class SpectrogramBenchmark
{
    private SpectrogramExtractor _extractor = null!;
    private Complex32[] _preamble = [];
    private float[] _features = [];

    [Params(FeatureKind.Stft, FeatureKind.ChannelIndependent)]
    public FeatureKind Kind { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _extractor = new SpectrogramExtractor(new PreprocessingParameters { Kind = Kind });
        _preamble = SignalFactory.Noise(_extractor.InputSampleCount, seed: 2);
        _features = new float[_extractor.FeatureLength];
    }

    [Benchmark]
    public void Extract() => _extractor.Extract(_preamble, cfoHz: 3_210.5, _features);
}
