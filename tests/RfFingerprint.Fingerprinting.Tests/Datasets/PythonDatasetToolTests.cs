using MathNet.Numerics;
using RfFingerprint.Fingerprinting.Datasets;

namespace RfFingerprint.Fingerprinting.Tests.Datasets;

public class PythonDatasetToolTests
{
    [Fact]
    public void PythonDataUnitTests_Pass()
    {
        var result = PythonRunner.Run(["-m", "unittest", "discover", "-s", "models/tests", "-p", "test_data.py"]);

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public void ConvertedLoraRffiHdf5_LoadsAsIqDataset()
    {
        using var dir = new TempDirectory();
        string h5 = dir.File("train.h5");
        string npz = dir.File("iq.npz");
        var make = PythonRunner.Run([Path.Combine(RepoPaths.Models, "tests", "make_lora_rffi_h5.py"), h5, "4", "12", "5"]);
        Assert.True(make.ExitCode == 0, make.ToString());
        var convert = PythonRunner.Run([Path.Combine(RepoPaths.Models, "convert_lora_rffi.py"), h5, npz]);
        Assert.True(convert.ExitCode == 0, convert.ToString());

        var dataset = IqDataset.Load(npz);

        Assert.Equal(4, dataset.Count);
        Assert.Equal(8192, dataset.SamplesPerBurst);
        Assert.Equal(1e6, dataset.SampleRateHz);
        Assert.Equal(["device_05", "device_12"], dataset.DeviceNames);
        Assert.Equal([1, 0, 1, 0], dataset.Labels);
        // make_lora_rffi_h5: packet p has I[n] = p + n / 8192 and Q[n] = -I[n].
        Assert.Equal(new Complex32(3.5f, -3.5f), dataset.Burst(3)[4096]);
    }
}
