using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace RfFingerprint.Service.Live;

/// <summary>
/// <c>GET /api/v1/events/stream</c>: decisions as server-sent events (<c>event: decision</c>, JSON data), with a
/// comment line every <see cref="HeartbeatInterval"/> so proxies keep the connection open. When the subscriber's
/// buffer overflowed, an <c>event: dropped</c> tells the browser how many decisions it missed.
/// </summary>
internal static class LiveFeedEndpoint
{
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(15);

    public static async Task StreamAsync(HttpContext context, DecisionBroadcaster broadcaster, IOptions<JsonOptions> json)
    {
        using var subscription = broadcaster.Subscribe();
        if (subscription is null)
        {
            await Results.Problem("too many live-feed subscribers; try again later", statusCode: StatusCodes.Status503ServiceUnavailable)
                .ExecuteAsync(context);
            return;
        }

        var cancellationToken = context.RequestAborted;
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers["X-Accel-Buffering"] = "no";
        await context.Response.WriteAsync(": rffp live decisions\n\n", cancellationToken);
        await context.Response.Body.FlushAsync(cancellationToken);

        long droppedReported = 0;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                using var heartbeat = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                heartbeat.CancelAfter(HeartbeatInterval);
                bool ready;
                try
                {
                    ready = await subscription.Reader.WaitToReadAsync(heartbeat.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    await context.Response.WriteAsync(": heartbeat\n\n", cancellationToken);
                    await context.Response.Body.FlushAsync(cancellationToken);
                    continue;
                }

                if (!ready)
                {
                    return;
                }

                var text = new StringBuilder();
                while (subscription.Reader.TryRead(out var decision))
                {
                    text.Append("event: decision\ndata: ")
                        .Append(JsonSerializer.Serialize(decision, json.Value.SerializerOptions))
                        .Append("\n\n");
                }

                var dropped = subscription.Dropped;
                if (dropped != droppedReported)
                {
                    text.Append("event: dropped\ndata: {\"dropped\":").Append(dropped).Append("}\n\n");
                    droppedReported = dropped;
                }

                await context.Response.WriteAsync(text.ToString(), cancellationToken);
                await context.Response.Body.FlushAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The browser went away: nothing to report.
        }
    }
}
