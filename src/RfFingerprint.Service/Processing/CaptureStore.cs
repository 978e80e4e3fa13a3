using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using MathNet.Numerics;
using Microsoft.Extensions.Options;
using RfFingerprint.Sdr.Recording;
using RfFingerprint.Sdr.SigMF;
using RfFingerprint.Sdr.Streaming;
using RfFingerprint.Service.Hosting;

namespace RfFingerprint.Service.Processing;

/// <summary>
/// The service's capture folder (<see cref="ServiceOptions.CaptureDirectory"/>): uploads land here, recordings are
/// written here, and replays and enrolments may only name recordings inside it (by file name, never by path).
/// </summary>
public sealed partial class CaptureStore(IOptions<ServiceOptions> options, IHostEnvironment environment)
{
    /// <summary>Samples per block when a raw upload is converted to SigMF.</summary>
    private const int ChunkSamples = 1 << 14;

    /// <summary>Absolute path of the capture folder (created on demand).</summary>
    public string Directory { get; } = Path.GetFullPath(options.Value.CaptureDirectory, environment.ContentRootPath);

    /// <summary>True when <paramref name="name"/> is a plain recording name: letters, digits, '.', '_', '-', at most 128 characters.</summary>
    public static bool IsValidName(string? name) => name is { Length: > 0 and <= 128 } && NamePattern().IsMatch(name) && !name.StartsWith('.');

    /// <summary>The recordings in the folder, by file name (<c>x.sigmf-meta</c> or <c>x.sigmf</c>).</summary>
    public IReadOnlyList<FileInfo> List()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return [];
        }

        return new DirectoryInfo(Directory).EnumerateFiles()
            .Where(f => f.Name.EndsWith(SigMFPaths.MetaExtension, StringComparison.Ordinal) || f.Name.EndsWith(SigMFPaths.ArchiveExtension, StringComparison.Ordinal))
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The path of the recording called <paramref name="name"/> (with or without its <c>.sigmf-meta</c>/<c>.sigmf</c>
    /// extension), or null when there is none.
    /// </summary>
    public string? Find(string name)
    {
        if (!IsValidName(name))
        {
            return null;
        }

        string[] candidates = name.EndsWith(SigMFPaths.MetaExtension, StringComparison.Ordinal) || name.EndsWith(SigMFPaths.ArchiveExtension, StringComparison.Ordinal)
            ? [name]
            : [name + SigMFPaths.MetaExtension, name + SigMFPaths.ArchiveExtension];
        return candidates.Select(c => Path.Combine(Directory, c)).FirstOrDefault(File.Exists);
    }

    /// <summary>A fresh path in the folder for a recording whose name starts with <paramref name="stem"/>.</summary>
    public string NewBasePath(string stem)
    {
        System.IO.Directory.CreateDirectory(Directory);
        return Path.Combine(Directory, $"{stem}-{DateTimeOffset.UtcNow:yyyyMMddTHHmmssfff}Z-{Guid.NewGuid().ToString("N")[..6]}");
    }

    /// <summary>Stores a SigMF archive (<c>.sigmf</c> tar) from <paramref name="body"/> as <paramref name="name"/>, then checks it opens.</summary>
    /// <exception cref="SigMFFormatException">The archive is not a readable SigMF recording (the file is removed).</exception>
    /// <exception cref="IOException">A recording of that name exists already.</exception>
    public Task<string> SaveArchiveAsync(string name, Stream body, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        return WriteArchiveAsync(Path.Combine(Directory, StripExtension(name) + SigMFPaths.ArchiveExtension), body, cancellationToken);
    }

    /// <summary>Writes a SigMF archive from <paramref name="body"/> to <paramref name="path"/> (a new file), then checks it opens.</summary>
    /// <exception cref="SigMFFormatException">The archive is not a readable SigMF recording (the file is removed).</exception>
    public static async Task<string> WriteArchiveAsync(string path, Stream body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
        {
            await body.CopyToAsync(file, cancellationToken);
        }

        return Verify(path);
    }

    /// <summary>
    /// Converts a raw body of interleaved little-endian float32 I/Q pairs into a SigMF pair named <paramref name="name"/>.
    /// </summary>
    /// <exception cref="InvalidDataException">The body is empty or its length is not a multiple of 8 bytes (the files are removed).</exception>
    /// <exception cref="IOException">A recording of that name exists already.</exception>
    public Task<string> SaveRawCf32Async(string name, Stream body, double sampleRateHz, double centerFrequencyHz, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var basePath = Path.Combine(Directory, StripExtension(name));
        if (File.Exists(SigMFPaths.MetaPath(basePath)) || File.Exists(basePath + SigMFPaths.ArchiveExtension))
        {
            throw new IOException($"a recording named '{StripExtension(name)}' exists already");
        }

        return WriteRawCf32Async(basePath, name, body, sampleRateHz, centerFrequencyHz, cancellationToken);
    }

    /// <summary>Converts a raw cf32 body into the SigMF pair <paramref name="basePath"/>.sigmf-meta/-data; returns the meta path.</summary>
    /// <exception cref="InvalidDataException">The body is empty or its length is not a multiple of 8 bytes (the files are removed).</exception>
    public static async Task<string> WriteRawCf32Async(string basePath, string name, Stream body, double sampleRateHz, double centerFrequencyHz, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var info = new IqStreamInfo(sampleRateHz, centerFrequencyHz, "upload " + name, DateTimeOffset.UtcNow);
        var bytes = ArrayPool<byte>.Shared.Rent(ChunkSamples * 8);
        try
        {
            using (var recorder = SigMFRecorder.Create(basePath, info, new SigMFRecorderOptions { Description = "uploaded raw cf32 capture", FlushEveryBurst = false }))
            {
                var filled = 0;
                long index = 0;
                while (true)
                {
                    var read = await body.ReadAsync(bytes.AsMemory(filled, ChunkSamples * 8 - filled), cancellationToken);
                    filled += read;
                    if (filled == ChunkSamples * 8 || (read == 0 && filled > 0))
                    {
                        if (filled % 8 != 0)
                        {
                            throw new InvalidDataException("a cf32 body must hold whole I/Q pairs of little-endian float32 (a multiple of 8 bytes)");
                        }

                        var samples = MemoryMarshal.Cast<byte, Complex32>(bytes.AsSpan(0, filled)).ToArray();
                        recorder.Append(new IqBlock(samples, index, null));
                        index += samples.Length;
                        filled = 0;
                    }

                    if (read == 0)
                    {
                        break;
                    }
                }

                if (index == 0)
                {
                    throw new InvalidDataException("the cf32 body is empty");
                }

                recorder.Complete();
            }

            return SigMFPaths.MetaPath(basePath);
        }
        catch
        {
            File.Delete(SigMFPaths.MetaPath(basePath));
            File.Delete(SigMFPaths.DataPath(basePath));
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    private static string Verify(string path)
    {
        try
        {
            using var recording = SigMFRecording.Open(path);
            if (recording.SampleRateHz is null)
            {
                throw new SigMFFormatException($"{Path.GetFileName(path)}: core:sample_rate is missing");
            }

            return path;
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    private static string StripExtension(string name) =>
        name.EndsWith(SigMFPaths.ArchiveExtension, StringComparison.Ordinal) ? name[..^SigMFPaths.ArchiveExtension.Length]
        : name.EndsWith(SigMFPaths.MetaExtension, StringComparison.Ordinal) ? name[..^SigMFPaths.MetaExtension.Length]
        : name;

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex NamePattern();
}
