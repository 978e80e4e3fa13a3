using RfFingerprint.Pipeline.UseCases;
using Spectre.Console;

namespace RfFingerprint.Cli.Hosting;

/// <summary>
/// Progress of long steps on standard error: an animated bar per capture when a person watches a terminal, one plain
/// line per finished capture otherwise (logs and CI stay readable).
/// </summary>
internal static class ProgressDisplay
{
    public static async Task<T> RunAsync<T>(CliIo io, string title, Func<IProgress<CaptureProgress>, Task<T>> work)
    {
        if (!io.Interactive)
        {
            await io.Error.WriteLineAsync($"{title} ...");
            var plain = new PlainProgress(io.Error);
            var result = await work(plain);
            return result;
        }

        return await io.Status.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var tasks = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
                var progress = new Progress<CaptureProgress>(p =>
                {
                    if (!tasks.TryGetValue(p.Capture, out var task))
                    {
                        task = context.AddTask(Markup.Escape(Path.GetFileName(p.Capture)), maxValue: Math.Max(1, p.SamplesTotal));
                        tasks[p.Capture] = task;
                    }

                    task.Value = Math.Min(p.SamplesDone, task.MaxValue);
                    task.Description = $"{Markup.Escape(Path.GetFileName(p.Capture))} [grey]{p.Bursts} bursts[/]";
                });
                return await work(progress);
            });
    }

    /// <summary>Reports each capture once, when it completes.</summary>
    private sealed class PlainProgress(TextWriter error) : IProgress<CaptureProgress>
    {
        public void Report(CaptureProgress value)
        {
            if (value.SamplesDone >= value.SamplesTotal)
                error.WriteLine($"  {value.Capture}: {value.Bursts} bursts");
        }
    }
}
