using System.Diagnostics;

namespace RfFingerprint.Fingerprinting.Tests;

/// <summary>Runs Debian's Python (the interpreter that has numpy, h5py, torch and onnx) and captures its output.</summary>
internal static class PythonRunner
{
    public const string Interpreter = "/usr/bin/python3";

    public sealed record Result(int ExitCode, string StandardOutput, string StandardError)
    {
        public override string ToString() => $"exit {ExitCode}\nstdout:\n{StandardOutput}\nstderr:\n{StandardError}";
    }

    public static Result Run(IEnumerable<string> arguments, int timeoutSeconds = 120)
    {
        var start = new ProcessStartInfo(Interpreter)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        foreach (string a in arguments)
            start.ArgumentList.Add(a);
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        start.Environment["PYTHONHASHSEED"] = "0";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Python did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(timeoutSeconds)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"Python ran past {timeoutSeconds} s: {string.Join(' ', arguments)}");
        }

        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }
}
