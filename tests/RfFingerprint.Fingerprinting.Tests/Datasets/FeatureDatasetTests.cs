using System.Text.Json;
using RfFingerprint.Fingerprinting.Datasets;
using RfFingerprint.Fingerprinting.Features;

namespace RfFingerprint.Fingerprinting.Tests.Datasets;

public class FeatureDatasetTests
{
    private static readonly PreprocessingParameters Parameters = new() { Kind = FeatureKind.Stft, PreambleSymbols = 1 };

    private static void WriteThreeBursts(string path)
    {
        using var writer = new FeatureDatasetWriter(path, Parameters);
        var features = new float[Parameters.FeatureLength];
        for (int burst = 0; burst < 3; burst++)
        {
            for (int i = 0; i < features.Length; i++)
                features[i] = (burst * 1000) + i;
            writer.Add(features, burst == 1 ? "beta" : "alpha", cfoHz: -1500.5 + burst, snrDb: burst == 2 ? double.NaN : 20);
        }

        writer.Complete();
    }

    [Fact]
    public void Writer_AssignsLabelsInOrderOfFirstAppearance()
    {
        using var dir = new TempDirectory();
        using var writer = new FeatureDatasetWriter(dir.File("d.npz"), Parameters, ["zeta"]);
        var features = new float[Parameters.FeatureLength];

        Assert.Equal(1, writer.Add(features, "alpha", 0, 0));
        Assert.Equal(0, writer.Add(features, "zeta", 0, 0));
        Assert.Equal(1, writer.Add(features, "alpha", 0, 0));
        Assert.Equal(["zeta", "alpha"], writer.DeviceNames);
    }

    [Fact]
    public void Writer_RejectsFeaturesOfTheWrongLength()
    {
        using var dir = new TempDirectory();
        using var writer = new FeatureDatasetWriter(dir.File("d.npz"), Parameters);

        var e = Assert.Throws<ArgumentException>(() => writer.Add(new float[5], "a", 0, 0));

        Assert.Equal("features", e.ParamName);
    }

    [Fact]
    public void IncompleteDataset_LeavesNoFileBehind()
    {
        using var dir = new TempDirectory();
        using (var writer = new FeatureDatasetWriter(dir.File("d.npz"), Parameters))
            writer.Add(new float[Parameters.FeatureLength], "a", 0, 0);

        Assert.Empty(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void Load_ReadsBackWhatTheWriterWrote()
    {
        using var dir = new TempDirectory();
        WriteThreeBursts(dir.File("d.npz"));

        var dataset = FeatureDataset.Load(dir.File("d.npz"));

        Assert.Equal(3, dataset.Count);
        Assert.Equal(Parameters, dataset.Parameters);
        Assert.Equal([0, 1, 0], dataset.Labels);
        Assert.Equal(["alpha", "beta"], dataset.DeviceNames);
        Assert.Equal(-1498.5, dataset.CfoHz[2]);
        Assert.True(double.IsNaN(dataset.SnrDb[2]));
        Assert.Equal(2000 + 7, dataset.FeaturesOf(2)[7]);
    }

    [Fact]
    public void Numpy_LoadsTheDatasetWithoutPickles()
    {
        using var dir = new TempDirectory();
        string path = dir.File("d.npz");
        WriteThreeBursts(path);
        const string script = """
            import json, sys
            import numpy as np
            z = np.load(sys.argv[1], allow_pickle=False)
            print(json.dumps({
                "files": sorted(z.files),
                "shape": list(z["features"].shape),
                "dtype": str(z["features"].dtype),
                "value": float(z["features"][2].reshape(-1)[7]),
                "labels": z["labels"].tolist(),
                "labels_dtype": str(z["labels"].dtype),
                "cfo": float(z["cfo_hz"][0]),
                "names": [str(s) for s in z["device_names"]],
                "fft_size": json.loads(str(z["preprocessing"]))["fft_size"],
            }))
            """;

        var result = PythonRunner.Run(["-c", script, path]);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.StandardOutput);
        var root = json.RootElement;
        Assert.Equal("[\"cfo_hz\",\"device_names\",\"features\",\"labels\",\"preprocessing\",\"snr_db\"]", root.GetProperty("files").GetRawText().Replace(" ", "", StringComparison.Ordinal));
        Assert.Equal($"[3,1,{Parameters.FrequencyBins},{Parameters.TimeFrames}]", root.GetProperty("shape").GetRawText().Replace(" ", "", StringComparison.Ordinal));
        Assert.Equal("float32", root.GetProperty("dtype").GetString());
        Assert.Equal(2007, root.GetProperty("value").GetDouble());
        Assert.Equal("int32", root.GetProperty("labels_dtype").GetString());
        Assert.Equal(-1500.5, root.GetProperty("cfo").GetDouble());
        Assert.Equal("beta", root.GetProperty("names")[1].GetString());
        Assert.Equal(256, root.GetProperty("fft_size").GetInt32());
    }
}
