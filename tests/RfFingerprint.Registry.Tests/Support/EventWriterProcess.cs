using System.Diagnostics;
using System.Globalization;
using RfFingerprint.Registry.Inputs;

namespace RfFingerprint.Registry.Tests.Support;

/// <summary>
/// Entry point of this test assembly when started as a separate process ("dotnet exec RfFingerprint.Registry.Tests.dll
/// write-events CONNECTION CAPTURE_ID FIRST_SAMPLE COUNT"): migrates, inserts COUNT events in batches of 20 and prints how many
/// were new. Lets the tests check two real processes writing to one registry.
/// </summary>
public static class EventWriterProcess
{
    private const string Verb = "write-events";
    private const int BatchSize = 20;

    public static async Task<int> Main(string[] args)
    {
        if (args.Length != 5 || args[0] != Verb)
        {
            await Console.Error.WriteLineAsync($"usage: {Verb} CONNECTION CAPTURE_ID FIRST_SAMPLE COUNT");
            return 2;
        }

        var captureId = long.Parse(args[2], CultureInfo.InvariantCulture);
        var first = long.Parse(args[3], CultureInfo.InvariantCulture);
        var count = int.Parse(args[4], CultureInfo.InvariantCulture);
        await using var store = RegistryStoreFactory.Create(args[1]);
        // A real worker migrates at start-up too, racing the other process; it must find nothing left to do.
        await store.MigrateAsync();
        var inserted = 0;
        foreach (var batch in Enumerable.Range(0, count).Select(i => Samples.Event(captureId, first + i)).Chunk(BatchSize))
        {
            inserted += await store.InsertEventsAsync(batch);
        }

        Console.WriteLine(inserted.ToString(CultureInfo.InvariantCulture));
        return 0;
    }

    /// <summary>Starts a writer process; await the task for the number of new events it reported.</summary>
    public static async Task<int> RunAsync(string connectionString, long captureId, long firstSample, int count)
    {
        var host = Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "exec", typeof(EventWriterProcess).Assembly.Location, Verb, connectionString,
            captureId.ToString(CultureInfo.InvariantCulture), firstSample.ToString(CultureInfo.InvariantCulture),
            count.ToString(CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the writer process.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"Writer process exited with {process.ExitCode}: {await error}");
        }

        return int.Parse((await output).Trim(), CultureInfo.InvariantCulture);
    }
}
