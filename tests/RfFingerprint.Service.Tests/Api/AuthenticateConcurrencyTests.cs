using System.Net;
using System.Net.Http.Json;
using System.Runtime.InteropServices;
using MathNet.Numerics;
using RfFingerprint.Registry;
using RfFingerprint.Registry.Entities;
using RfFingerprint.Registry.Inputs;
using RfFingerprint.Service.Contracts;
using RfFingerprint.Service.Tests.Support;

namespace RfFingerprint.Service.Tests.Api;

/// <summary>
/// The authenticate endpoint under concurrent single-burst uploads (a small, fixed version of the benchmark's load):
/// every accepted burst is stored exactly once, retried uploads included.
/// </summary>
public sealed class AuthenticateConcurrencyTests
{
    private const int Uploads = 36;
    private const int Connections = 6;

    public static TheoryData<RegistryProvider> Providers => new() { RegistryProvider.Sqlite, RegistryProvider.PostgreSql };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ConcurrentSingleBurstUploads_StoreEveryAcceptedBurstExactlyOnce(RegistryProvider provider)
    {
        await using var service = await ServiceFactory.StartAsync(provider, TestCaptures.Settings());
        TestCaptures.CopyInto(service.CaptureDirectory);
        using var admin = service.ClientFor(ApiKeyRole.Admin);
        var enrol = await admin.PostAsJsonAsync("/api/v1/enrolments", new EnrolRequest(TestCaptures.DeviceNames[0], [TestCaptures.DeviceRecordings[0]], null, null));
        Assert.Equal("succeeded", (await JobPolling.WaitAsync(admin, (await enrol.Content.ReadFromJsonAsync<JobResponse>())!.Id)).State);
        var bursts = TestCaptures.SingleBursts(1);
        using var operatorClient = service.ClientFor(ApiKeyRole.Operator);

        // Each upload is a distinct capture; then the first third are sent again, as a client retrying would.
        var indices = Enumerable.Range(0, Uploads).Concat(Enumerable.Range(0, Uploads / 3)).ToArray();
        var reported = new int[Uploads];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Connections).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < indices.Length)
            {
                var response = await operatorClient.PostAsync("/api/v1/authenticate", Body(bursts, indices[i]));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var result = (await response.Content.ReadFromJsonAsync<AuthenticateResponse>())!;
                Assert.Equal(result.Bursts, result.Decisions.Count);
                reported[indices[i]] = result.Bursts;
            }
        })));

        Assert.All(reported, bursts => Assert.Equal(1, bursts));
        Assert.Equal(reported.Sum(), await service.Registry.CountEventsAsync(new EventQuery()));
    }

    /// <summary>Burst <c>index mod count</c> with its last (noise) sample set from <paramref name="index"/>: a distinct capture per index.</summary>
    private static ByteArrayContent Body(IReadOnlyList<Complex32[]> bursts, int index)
    {
        var samples = (Complex32[])bursts[index % bursts.Count].Clone();
        samples[^1] = new Complex32(index * 1e-6f, 0);
        var body = new ByteArrayContent(MemoryMarshal.AsBytes(samples.AsSpan()).ToArray());
        body.Headers.ContentType = new("application/octet-stream");
        body.Headers.Add("X-Sample-Rate-Hz", "1000000");
        return body;
    }
}
