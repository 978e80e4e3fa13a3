using RfFingerprint.Service.Jobs;

namespace RfFingerprint.Service.Tests.Jobs;

public sealed class JobProgressTrackerTests
{
    [Fact]
    public void A_progress_report_racing_with_the_end_of_a_job_never_shows_it_as_running_again()
    {
        var tracker = new JobProgressTracker();
        const int Rounds = 20_000;
        using var barrier = new Barrier(2);
        var reporter = new Thread(() =>
        {
            for (var round = 0; round < Rounds; round++)
            {
                barrier.SignalAndWait();
                tracker.Report("job", 0.5, "late report");
                barrier.SignalAndWait();
            }
        });
        reporter.Start();

        var resurrected = 0;
        for (var round = 0; round < Rounds; round++)
        {
            tracker.Started("job", attempt: 1);
            barrier.SignalAndWait();
            tracker.Stopped("job");
            barrier.SignalAndWait();
            if (tracker.Get("job") is not null)
            {
                resurrected++;
            }
        }

        reporter.Join();
        Assert.Equal(0, resurrected);
    }

    [Fact]
    public void A_report_while_running_updates_the_fraction_and_message()
    {
        var tracker = new JobProgressTracker();
        tracker.Started("job", attempt: 2);

        tracker.Report("job", 1.5, "almost");

        var progress = tracker.Get("job");
        Assert.NotNull(progress);
        Assert.Equal((2, 1.0, "almost"), (progress.Attempt, progress.Fraction, progress.Message));
    }
}
