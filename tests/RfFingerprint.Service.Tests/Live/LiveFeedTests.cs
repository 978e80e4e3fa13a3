using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RfFingerprint.Registry;
using RfFingerprint.Registry.Entities;
using RfFingerprint.Service.Hosting;
using RfFingerprint.Service.Live;
using RfFingerprint.Service.Telemetry;
using RfFingerprint.Service.Tests.Support;

namespace RfFingerprint.Service.Tests.Live;

/// <summary>The decision broadcaster and its server-sent-event endpoint.</summary>
public sealed class LiveFeedTests
{
    private static LiveDecision Decision(long sampleIndex) =>
        new(DateTimeOffset.UnixEpoch, 1, sampleIndex, "test", null, null, "unknown_device", 12.5, 20, "49BE7DF1", null, "m1");

    [Fact]
    public async Task Stream_DeliversPublishedDecisionsAsServerSentEvents()
    {
        await using var service = await ServiceFactory.StartAsync(RegistryProvider.Sqlite);
        using var viewer = service.ClientFor(ApiKeyRole.Viewer);
        var broadcaster = service.Services.GetRequiredService<DecisionBroadcaster>();

        using var response = await viewer.GetAsync("/api/v1/events/stream", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        Assert.StartsWith(":", await reader.ReadLineAsync());
        Assert.Equal(1, broadcaster.SubscriberCount);

        broadcaster.Publish(Decision(4242));

        var lines = new List<string>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (lines.Count < 2)
        {
            var line = await reader.ReadLineAsync(timeout.Token);
            if (!string.IsNullOrEmpty(line))
                lines.Add(line);
        }

        Assert.Equal("event: decision", lines[0]);
        using var json = JsonDocument.Parse(lines[1]["data: ".Length..]);
        Assert.Equal(4242, json.RootElement.GetProperty("sampleIndex").GetInt64());
        Assert.Equal("unknown_device", json.RootElement.GetProperty("verdict").GetString());
    }

    [Fact]
    public void Publish_ToAFullSubscriberDropsItsOldestAndCountsThem()
    {
        using var metrics = new ServiceMetrics(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
        var broadcaster = new DecisionBroadcaster(Options.Create(new ServiceOptions { LiveFeedBufferPerSubscriber = 4 }), metrics);
        using var slow = broadcaster.Subscribe()!;

        for (var i = 0; i < 10; i++)
            broadcaster.Publish(Decision(i));

        Assert.Equal(6, slow.Dropped);
        var kept = new List<long>();
        while (slow.Reader.TryRead(out var decision))
            kept.Add(decision.SampleIndex);
        Assert.Equal([6L, 7L, 8L, 9L], kept);
    }

    [Fact]
    public void Publish_ASlowSubscriberDoesNotCostAFastOneAnything()
    {
        using var metrics = new ServiceMetrics(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
        var broadcaster = new DecisionBroadcaster(Options.Create(new ServiceOptions { LiveFeedBufferPerSubscriber = 4 }), metrics);
        using var slow = broadcaster.Subscribe()!;
        using var fast = broadcaster.Subscribe()!;
        var received = 0;

        for (var i = 0; i < 100; i++)
        {
            broadcaster.Publish(Decision(i));
            while (fast.Reader.TryRead(out _))
                received++;
        }

        Assert.Equal(100, received);
        Assert.Equal(0, fast.Dropped);
        Assert.Equal(96, slow.Dropped);
    }

    [Fact]
    public void Subscribe_BeyondTheLimitIsRefused()
    {
        using var metrics = new ServiceMetrics(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
        var broadcaster = new DecisionBroadcaster(Options.Create(new ServiceOptions { LiveFeedMaxSubscribers = 1 }), metrics);
        using var first = broadcaster.Subscribe();

        Assert.NotNull(first);
        Assert.Null(broadcaster.Subscribe());
    }
}
