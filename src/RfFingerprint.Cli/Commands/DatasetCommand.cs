using System.CommandLine;
using System.Globalization;
using RfFingerprint.Cli.Hosting;
using RfFingerprint.Fingerprinting.Features;
using RfFingerprint.Pipeline.Captures;
using RfFingerprint.Pipeline.Options;
using RfFingerprint.Pipeline.UseCases;

namespace RfFingerprint.Cli.Commands;

/// <summary><c>rffp dataset export</c>: a training set written through the serving receiver and feature code.</summary>
internal static class DatasetCommand
{
    public static Command Create(CliIo io)
    {
        var captures = new Option<string[]>("--captures")
        {
            Description = "Recordings or folders of recordings; bursts are labelled by their annotation's device, else by file name.",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var output = new Option<FileInfo>("--out") { Description = "The .npz file to write.", Required = true };
        var feature = new Option<FeatureKind>("--feature")
        {
            Description = "stft (the seed paper's magnitude spectrogram) or channel_independent (log ratio of adjacent STFT columns).",
            DefaultValueFactory = _ => FeatureKind.ChannelIndependent,
            CustomParser = result => result.Tokens[0].Value.Replace("-", "_", StringComparison.Ordinal).ToUpperInvariant() switch
            {
                "STFT" => FeatureKind.Stft,
                "CHANNEL_INDEPENDENT" => FeatureKind.ChannelIndependent,
                _ => Error(result, "--feature must be stft or channel_independent"),
            },
        };
        var noCfo = new Option<bool>("--no-cfo-compensation") { Description = "Keep each burst's CFO in the spectrogram (for the ablation of the seed paper)." };
        var defaults = new PreprocessingParameters();
        var window = new Option<int>("--window") { Description = "STFT window length, in samples (rectangular).", DefaultValueFactory = _ => defaults.WindowLength };
        var hop = new Option<int>("--hop") { Description = "STFT hop, in samples.", DefaultValueFactory = _ => defaults.HopLength };
        var fft = new Option<int>("--fft") { Description = "FFT size (power of two, at least --window; the window is zero-padded).", DefaultValueFactory = _ => defaults.FftSize };
        var cropStart = new Option<int?>("--crop-start") { Description = "First kept row of the fftshift-ed spectrum (row FFT/2 is 0 Hz). Default: the reference crop (77 of 256) scaled to --fft, or centred on 0 Hz with --dechirp." };
        var cropCount = new Option<int?>("--crop-count") { Description = "Kept rows. Default: the reference 102 of 256 scaled to --fft." };
        var dechirp = new Option<bool>("--dechirp") { Description = "Multiply each preamble symbol by the conjugate ideal up-chirp before the STFT (sweep errors show around 0 Hz)." };
        var export = new Command("export", "Write features, device labels, CFO and SNR of every burst to a .npz for models/train.py.")
        {
            captures, output, feature, noCfo, window, hop, fft, cropStart, cropCount, dechirp,
        };
        VerbAction.Attach(export, io, async (parseResult, settings, cancellationToken) =>
        {
            var paths = CaptureFiles.Expand(parseResult.GetValue(captures)!);
            var receiver = settings.Bind<ReceiverOptions>(ReceiverOptions.SectionName);
            int fftSize = parseResult.GetValue(fft);
            int count = parseResult.GetValue(cropCount) ?? (int)Math.Round((double)defaults.BinCropCount * fftSize / defaults.FftSize);
            bool dechirped = parseResult.GetValue(dechirp);
            int start = parseResult.GetValue(cropStart)
                ?? (dechirped ? (fftSize - count) / 2 : (int)Math.Round((double)defaults.BinCropStart * fftSize / defaults.FftSize));
            var parameters = new PreprocessingParameters
            {
                SpreadingFactor = receiver.SearchedSpreadingFactors[0],
                BandwidthHz = receiver.BandwidthHz,
                Kind = parseResult.GetValue(feature),
                CompensateCfo = !parseResult.GetValue(noCfo),
                WindowLength = parseResult.GetValue(window),
                HopLength = parseResult.GetValue(hop),
                FftSize = fftSize,
                BinCropStart = start,
                BinCropCount = count,
                Dechirp = dechirped,
            };
            try
            {
                parameters.Validate();
            }
            catch (ArgumentException ex)
            {
                throw new CliUsageException($"feature parameters: {ex.Message}", ex);
            }

            var target = parseResult.GetValue(output)!.FullName;
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var exporter = new DatasetExporter(receiver, parameters);
            var result = await ProgressDisplay.RunAsync(io, $"exporting {paths.Count} recordings", progress => exporter.ExportAsync(paths, target, progress, cancellationToken));
            await io.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{result.Path}: {result.Bursts} bursts of {result.Devices.Count} devices ({result.Skipped} skipped), features {parameters.FrequencyBins}x{parameters.TimeFrames} {parameters.Kind}"));
            return ExitCodes.Success;
        });
        var command = new Command("dataset", "Training data.") { export };
        return command;
    }

    private static FeatureKind Error(System.CommandLine.Parsing.ArgumentResult result, string message)
    {
        result.AddError(message);
        return default;
    }
}
