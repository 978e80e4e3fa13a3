using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using RfFingerprint.Sdr.SigMF;
using RfFingerprint.Service.Contracts;
using RfFingerprint.Service.Processing;

namespace RfFingerprint.Service.Api;

/// <summary>
/// Reads an uploaded recording from a request body: a SigMF archive (<c>application/x-tar</c>) or raw interleaved
/// little-endian float32 I/Q (<c>application/octet-stream</c>) with its sample rate in <see cref="SampleRateHeader"/>
/// and, optionally, its centre frequency in <see cref="CenterFrequencyHeader"/>.
/// </summary>
internal static class UploadBody
{
    public const string SampleRateHeader = "X-Sample-Rate-Hz";
    public const string CenterFrequencyHeader = "X-Center-Frequency-Hz";
    public const string ArchiveContentType = "application/x-tar";
    public const string RawContentType = "application/octet-stream";

    /// <summary>Highest accepted sample rate (the N210 streams at most 50 MS/s over gigabit Ethernet; margin kept).</summary>
    public const double MaxSampleRateHz = 100e6;

    /// <summary>Writes the body to <paramref name="basePath"/> (+ the format's extension); returns the recording's path or a 400 problem.</summary>
    public static async Task<Results<Ok<string>, ValidationProblem, ProblemHttpResult>> WriteAsync(HttpRequest request, string basePath, string name, CancellationToken cancellationToken)
    {
        var mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        try
        {
            switch (mediaType)
            {
                case ArchiveContentType or "application/sigmf":
                    return TypedResults.Ok(await CaptureStore.WriteArchiveAsync(basePath + SigMFPaths.ArchiveExtension, request.Body, cancellationToken));
                case RawContentType:
                    if (RawHeaders(request, out var rateHz, out var centerHz) is { } invalid)
                    {
                        return invalid;
                    }

                    return TypedResults.Ok(await CaptureStore.WriteRawCf32Async(basePath, name, request.Body, rateHz, centerHz, cancellationToken));
                default:
                    return Problems.Status(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                        $"send a SigMF archive as {ArchiveContentType} or raw cf32 samples as {RawContentType} with {SampleRateHeader}");
            }
        }
        catch (Exception ex) when (ex is SigMFFormatException or InvalidDataException or EndOfStreamException or FormatException)
        {
            return Problems.BadRequest($"the upload is not a usable recording: {ex.Message}");
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Problems.Status(StatusCodes.Status413PayloadTooLarge, "Payload too large", ex.Message);
        }
    }

    /// <summary>True when the body is raw cf32 (<see cref="RawContentType"/>).</summary>
    public static bool IsRaw(HttpRequest request) =>
        string.Equals(request.ContentType?.Split(';')[0].Trim(), RawContentType, StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads the sample rate and centre frequency headers of a raw cf32 upload; a 400 problem when they are unusable.</summary>
    public static ValidationProblem? RawHeaders(HttpRequest request, out double sampleRateHz, out double centerFrequencyHz)
    {
        var validation = new Validation();
        sampleRateHz = Header(request, SampleRateHeader, validation, required: true, 1, MaxSampleRateHz);
        centerFrequencyHz = Header(request, CenterFrequencyHeader, validation, required: false, 0, 10e9);
        return validation.IsValid ? null : TypedResults.ValidationProblem(validation.Errors);
    }

    private static double Header(HttpRequest request, string header, Validation validation, bool required, double min, double max)
    {
        var text = request.Headers[header].ToString();
        if (string.IsNullOrEmpty(text))
        {
            if (required)
            {
                validation.Add(header, $"{header} is required for raw cf32 uploads");
            }

            return 0;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            validation.Add(header, $"{header} must be a number");
            return 0;
        }

        validation.Range(header, value, min, max);
        return value;
    }
}
