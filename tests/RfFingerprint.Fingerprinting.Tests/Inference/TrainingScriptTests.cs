namespace RfFingerprint.Fingerprinting.Tests.Inference;

public class TrainingScriptTests
{
    [Fact]
    public void PythonTrainingUnitTests_Pass()
    {
        // models/tests/test_train.py trains tiny models on a synthetic dataset: progress lines, ONNX metadata,
        // dynamic batch, model card, byte-identical retraining with the same seed, losses.
        var result = PythonRunner.Run(["-m", "unittest", "discover", "-s", "models/tests", "-p", "test_train.py"], timeoutSeconds: 300);

        Assert.True(result.ExitCode == 0, result.ToString());
    }
}
