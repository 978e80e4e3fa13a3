using Microsoft.Extensions.Options;
using RfFingerprint.Uhd.Native;
using RfFingerprint.Uhd.Streaming;
using RfFingerprint.Uhd.Tests.TestSupport;

namespace RfFingerprint.Uhd.Tests.Streaming;

/// <summary>The source against the real libuhd, with a device that cannot be made.</summary>
public sealed class UhdIqSourceLibuhdTests
{
    private static UhdOptions UnreachableDevice(int maxRetryAttempts) => new()
    {
        Args = RealUhd.UnreachableDeviceArgs,
        LibraryPath = UhdLibrary.LibraryFileName,
        MaxRetryAttempts = maxRetryAttempts,
        RetryDelay = TimeSpan.FromMilliseconds(1),
        MaxRetryDelay = TimeSpan.FromMilliseconds(5),
    };

    [Fact]
    public async Task Opening_an_unreachable_device_retries_a_bounded_number_of_times_logging_each_attempt()
    {
        var logger = new ListLogger<UhdIqSource>();
        await using var source = new UhdIqSource(Options.Create(UnreachableDevice(maxRetryAttempts: 2)), logger);

        var e = await Assert.ThrowsAsync<UhdException>(() => source.OpenAsync());

        Assert.Equal(UhdError.Key, e.Error);
        Assert.Contains("No devices found", e.Message, StringComparison.Ordinal);
        Assert.Equal(3, logger.Count(LogEvents.Opening));
        Assert.Equal(2, logger.Count(LogEvents.RetryScheduled));
        Assert.Equal(1, logger.Count(LogEvents.GaveUp));
        Assert.Equal(2, source.Statistics.Retries);
        Assert.Null(source.DeviceSettings);
    }

    [Fact]
    public async Task Reading_from_an_unreachable_device_throws_the_UHD_error_once_retries_run_out()
    {
        await using var source = new UhdIqSource(UnreachableDevice(maxRetryAttempts: 1));

        var e = await Assert.ThrowsAsync<UhdException>(async () =>
        {
            await foreach (var block in source.ReadAsync())
            {
                Assert.Fail($"no block expected, got {block.Samples.Length} samples");
            }
        });

        Assert.Equal(UhdError.Key, e.Error);
        Assert.Equal(1, source.Statistics.Retries);
    }

    [Fact]
    public async Task Disposing_the_source_abandons_the_remaining_retries()
    {
        var options = UnreachableDevice(maxRetryAttempts: 5);
        options.RetryDelay = TimeSpan.FromMinutes(1);
        options.MaxRetryDelay = TimeSpan.FromMinutes(1);
        var logger = new ListLogger<UhdIqSource>();
        var source = new UhdIqSource(Options.Create(options), logger);

        var opening = source.OpenAsync();
        while (logger.Count(LogEvents.RetryScheduled) == 0 && !opening.IsCompleted)
        {
            await Task.Delay(10);
        }

        await source.DisposeAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => opening);
        Assert.Equal(1, logger.Count(LogEvents.Opening));
    }

    [Fact]
    public async Task Before_opening_Info_holds_the_requested_settings()
    {
        await using var source = new UhdIqSource(UnreachableDevice(maxRetryAttempts: 0));

        Assert.Equal(1e6, source.Info.SampleRateHz);
        Assert.Equal(868.1e6, source.Info.CenterFrequencyHz);
        Assert.Contains(RealUhd.UnreachableDeviceArgs, source.Info.Description, StringComparison.Ordinal);
    }
}
