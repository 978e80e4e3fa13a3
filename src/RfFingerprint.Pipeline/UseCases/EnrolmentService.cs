using RfFingerprint.Fingerprinting.Decisions;
using RfFingerprint.Fingerprinting.Inference;
using RfFingerprint.Lora.Receiver;
using RfFingerprint.Pipeline.Captures;
using RfFingerprint.Pipeline.Options;
using RfFingerprint.Pipeline.Registry;
using RfFingerprint.Registry;
using RfFingerprint.Registry.Inputs;
using RegistryCfoRange = RfFingerprint.Registry.Inputs.CfoRange;
using RegistryCfoStatistics = RfFingerprint.Registry.Inputs.CfoStatistics;

namespace RfFingerprint.Pipeline.UseCases;

/// <summary>
/// Enrols a device: runs its recordings through the chain, keeps the bursts that are its own, and stores their
/// fingerprints, CFO statistics and the identities its frames claim. Nothing is written until every capture has been
/// read, so a bad capture or an interruption leaves the registry as it was.
/// </summary>
public sealed class EnrolmentService(IRegistryStore store, FingerprintPipeline pipeline, DecisionSettings settings)
{
    /// <exception cref="InvalidDataException">No usable burst of the device was found, or a capture is unreadable.</exception>
    public async Task<EnrolmentResult> EnrolAsync(EnrolmentRequest request, IProgress<CaptureProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.DeviceName))
            throw new ArgumentException("A device name is required.", nameof(request));
        if (request.Captures.Count == 0)
            throw new ArgumentException("At least one capture is required.", nameof(request));

        var model = pipeline.Model;
        var embeddings = new List<float[]>();
        var cfoHz = new List<double>();
        var devAddrs = new HashSet<uint>(request.DevAddrs ?? []);
        var devEui = request.DevEui?.ToUpperInvariant();
        var skipped = 0;
        var captures = new List<OpenedCapture>();
        try
        {
            foreach (var path in request.Captures)
            {
                var capture = await OpenedCapture.OpenAsync(path);
                captures.Add(capture);
                // Every capture is registered at the end: hash it while its bursts are received.
                _ = capture.GetSha512Async();
                var total = capture.Recording.SampleCount;
                var seen = 0;
                var tolerance = (long)(model.Preprocessing.SamplesPerSymbol);
                await foreach (var burst in pipeline.RunAsync(capture.Source, cancellationToken: cancellationToken))
                {
                    seen++;
                    var lora = burst.Received.Burst;
                    progress?.Report(new CaptureProgress(capture.DisplayName, lora.SampleStart, total, seen));
                    if (!burst.HasFingerprint || !IsTheDevices(capture, burst, request.DeviceName, tolerance))
                    {
                        skipped++;
                        continue;
                    }

                    embeddings.Add(burst.ModelOutput!);
                    cfoHz.Add(lora.CfoHz);
                    if (burst.Received.Lorawan is { IsLorawan: true } frame)
                    {
                        if (frame.DevAddr is { } addr)
                            devAddrs.Add(addr);
                        if (frame.DevEui is { } eui)
                            devEui = eui.ToString("X16", System.Globalization.CultureInfo.InvariantCulture);
                    }
                }

                progress?.Report(new CaptureProgress(capture.DisplayName, total, total, seen));
            }

            if (embeddings.Count == 0)
            {
                throw new InvalidDataException(
                    $"no usable burst of device '{request.DeviceName}' in {string.Join(", ", request.Captures)}" +
                    (skipped > 0 ? $" ({skipped} bursts found, none annotated as this device, or when unannotated, none decoded with a good CRC)" : " (no LoRa burst detected)"));
            }

            var dimension = model.OutputDimension;
            var flat = new float[embeddings.Count * dimension];
            for (var i = 0; i < embeddings.Count; i++)
                embeddings[i].CopyTo(flat, i * dimension);
            var classIndex = model.Kind == ModelKind.Classifier ? ClassOf(request.DeviceName, embeddings, model.Classes) : (int?)null;
            var statistics = classIndex is { } index
                ? EnrolmentStatistics.ForClass(request.DeviceName, model.ModelVersion, index, cfoHz.ToArray(), settings.RangeOptions)
                : EnrolmentStatistics.FromEmbeddings(request.DeviceName, model.ModelVersion, flat, dimension, cfoHz.ToArray(), settings.RangeOptions);

            var modelVersion = await ModelRegistration.RegisterAsync(store, model, cancellationToken);
            var existing = await store.FindDeviceByNameAsync(request.DeviceName, cancellationToken);
            var reenrolled = existing is not null && await store.GetEnrolmentAsync(existing.Id, modelVersion.Id, cancellationToken) is not null;
            var captureIds = new List<long>();
            foreach (var capture in captures)
                captureIds.Add((await capture.RegisterAsync(store, "enrolment", cancellationToken)).Id);
            var device = await store.UpsertDeviceAsync(new DeviceRegistration
            {
                Name = request.DeviceName,
                DevEui = devEui,
                DevAddrs = devAddrs.Order().ToList(),
            }, cancellationToken);
            await store.UpsertEnrolmentAsync(new EnrolmentData
            {
                DeviceId = device.Id,
                ModelVersionId = modelVersion.Id,
                Embeddings = classIndex is null ? flat : null,
                EmbeddingDimension = classIndex is null ? dimension : 0,
                ClassIndex = classIndex,
                Cfo = new RegistryCfoStatistics(statistics.Cfo.MeanHz, statistics.Cfo.StdHz, statistics.Cfo.MinHz, statistics.Cfo.MaxHz, statistics.Cfo.Count),
                CfoRange = new RegistryCfoRange(statistics.CfoRange.LowerHz, statistics.CfoRange.UpperHz),
                CaptureIds = captureIds,
            }, cancellationToken);

            return new EnrolmentResult(device.Name, device.Id, embeddings.Count, skipped, statistics.Cfo, statistics.CfoRange,
                device.Addresses.Select(a => a.DevAddr).Order().ToList(), device.DevEui, model.ModelVersion, reenrolled);
        }
        finally
        {
            foreach (var capture in captures)
                await capture.DisposeAsync();
        }
    }

    /// <summary>
    /// Whether a burst belongs to the device being enrolled. An annotation naming the device is ground truth, so its
    /// bursts count even when the payload did not decode (the fingerprint lies in the preamble); without annotations
    /// only cleanly decoded bursts are trusted, so a false detection or a collision never becomes part of a fingerprint.
    /// </summary>
    private static bool IsTheDevices(OpenedCapture capture, FingerprintedBurst burst, string deviceName, long toleranceSamples)
    {
        var lora = burst.Received.Burst;
        return capture.Annotations.NamesDevices
            ? capture.Annotations.DeviceAt(lora.SampleStart, toleranceSamples) == deviceName
            : lora.Status == BurstStatus.Decoded && lora.CrcOk != false;
    }

    /// <summary>
    /// A closed-set classifier knows its devices by name; a device trained under another name is enrolled as the class
    /// its bursts vote for most.
    /// </summary>
    private static int ClassOf(string deviceName, List<float[]> probabilities, IReadOnlyList<string> classes)
    {
        var named = classes.ToList().IndexOf(deviceName);
        if (named >= 0)
            return named;
        var votes = new int[classes.Count];
        foreach (var row in probabilities)
            votes[System.Numerics.Tensors.TensorPrimitives.IndexOfMax(row)]++;
        return Array.IndexOf(votes, votes.Max());
    }
}
