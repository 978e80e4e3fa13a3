using System.Runtime.InteropServices;

namespace RfFingerprint.OnnxRuntime.Native;

/// <summary>
/// The ONNX Runtime shared library loaded into this process, its <c>OrtApi</c> table and version.
/// A process loads one ONNX Runtime: the first load decides which file, later requests must agree.
/// </summary>
internal sealed unsafe class OrtNativeLibrary
{
    private static readonly Lock Gate = new();
    private static OrtNativeLibrary? _loaded;

    private OrtNativeLibrary(string path, OrtApi api, string version, uint apiVersion, nint cpuMemoryInfo)
    {
        Path = path;
        Api = api;
        Version = version;
        ApiVersion = apiVersion;
        CpuMemoryInfo = cpuMemoryInfo;
    }

    /// <summary>File the library was loaded from (as given to the loader).</summary>
    public string Path { get; }

    public OrtApi Api { get; }

    /// <summary>The runtime's own version string, from <c>OrtApiBase::GetVersionString</c>.</summary>
    public string Version { get; }

    /// <summary>The <c>ORT_API_VERSION</c> the table was requested with.</summary>
    public uint ApiVersion { get; }

    /// <summary>
    /// CPU memory description for tensors over caller memory; created once and kept for the life of the process
    /// because every session and every run uses it.
    /// </summary>
    public nint CpuMemoryInfo { get; }

    /// <summary>File name of the library on this operating system.</summary>
    public static string PlatformFileName =>
        OperatingSystem.IsWindows() ? "onnxruntime.dll"
        : OperatingSystem.IsMacOS() ? "libonnxruntime.dylib"
        : "libonnxruntime.so.1";

    /// <summary>
    /// Loads the library once per process. Order: <paramref name="requestedPath"/>, the environment variable
    /// <see cref="OrtEnvironment.LibraryPathVariable"/>, the application folder (where the build copies it),
    /// this assembly's folder, then the operating system's search path.
    /// </summary>
    /// <exception cref="DllNotFoundException">No candidate could be loaded; the message lists what was tried.</exception>
    /// <exception cref="InvalidOperationException">A different library is already loaded in this process.</exception>
    public static OrtNativeLibrary Load(string? requestedPath)
    {
        lock (Gate)
        {
            var (candidates, source) = Candidates(
                requestedPath,
                Environment.GetEnvironmentVariable(OrtEnvironment.LibraryPathVariable),
                AppContext.BaseDirectory,
                System.IO.Path.GetDirectoryName(typeof(OrtNativeLibrary).Assembly.Location));
            if (_loaded is not null)
            {
                if (source != CandidateSource.Default && !SameFile(candidates[0], _loaded.Path))
                {
                    throw new InvalidOperationException(
                        $"ONNX Runtime is already loaded from '{_loaded.Path}'; a process can use only one, so '{candidates[0]}' ({Describe(source)}) cannot be loaded as well.");
                }

                return _loaded;
            }

            _loaded = LoadFirst(candidates, source);
            return _loaded;
        }
    }

    /// <summary>Loads and binds the first candidate that loads.</summary>
    /// <exception cref="DllNotFoundException">None loads; the message lists them and says how to point at a library.</exception>
    internal static OrtNativeLibrary LoadFirst(IReadOnlyList<string> candidates, CandidateSource source)
    {
        var failures = new List<string>();
        foreach (var candidate in candidates)
        {
            nint library;
            try
            {
                library = NativeLibrary.Load(candidate);
            }
            catch (Exception e) when (e is DllNotFoundException or BadImageFormatException)
            {
                // A file that exists but does not load (wrong architecture, missing dependency) deserves the loader's reason.
                failures.Add(File.Exists(candidate) ? $"{candidate} ({e.Message})" : candidate);
                continue;
            }

            return Bind(candidate, library);
        }

        var hint = source == CandidateSource.Default
            ? $"The build copies {PlatformFileName} beside the application; otherwise set {OrtEnvironment.LibraryPathVariable} or OrtEnvironmentOptions.LibraryPath to the library file or its folder."
            : $"Check the path given by {Describe(source)}.";
        throw new DllNotFoundException($"Could not load the ONNX Runtime library (tried: {string.Join(", ", failures)}). {hint}");
    }

    private static OrtNativeLibrary Bind(string path, nint library)
    {
        if (!NativeLibrary.TryGetExport(library, "OrtGetApiBase", out var getApiBaseExport))
        {
            throw new DllNotFoundException($"'{path}' loaded but does not export OrtGetApiBase; it is not an ONNX Runtime library.");
        }

        var apiBase = (nint*)((delegate* unmanaged[Cdecl]<nint>)getApiBaseExport)();
        var getApi = (delegate* unmanaged[Cdecl]<uint, nint>)apiBase[0];
        var getVersionString = (delegate* unmanaged[Cdecl]<byte*>)apiBase[1];
        var version = Marshal.PtrToStringUTF8((nint)getVersionString()) ?? "unknown";

        var apiVersion = OrtApi.HeaderApiVersion;
        var table = getApi(apiVersion);
        if (table == 0)
        {
            // An older runtime given by the user: the members used here exist since MinimumApiVersion.
            apiVersion = OrtApi.MinimumApiVersion;
            table = getApi(apiVersion);
        }

        if (table == 0)
        {
            throw new DllNotFoundException(
                $"ONNX Runtime {version} at '{path}' supports neither API version {OrtApi.HeaderApiVersion} nor {OrtApi.MinimumApiVersion}; use ONNX Runtime 1.11 or later.");
        }

        var api = new OrtApi(table, apiVersion);
        nint memoryInfo;
        const int arenaAllocator = 1;
        const int memTypeDefault = 0;
        api.Check(api.CreateCpuMemoryInfo(arenaAllocator, memTypeDefault, &memoryInfo));
        return new OrtNativeLibrary(path, api, version, apiVersion, memoryInfo);
    }

    /// <summary>
    /// Files to try, in order, and where they came from: an explicit path or the environment variable name exactly one
    /// file (a folder stands for the platform file name inside it) and nothing else is tried, so a wrong override fails
    /// loudly instead of silently loading another runtime.
    /// </summary>
    internal static (IReadOnlyList<string> Candidates, CandidateSource Source) Candidates(
        string? requestedPath, string? environmentValue, string baseDirectory, string? assemblyFolder)
    {
        if (!string.IsNullOrWhiteSpace(requestedPath))
        {
            return ([ExpandFolder(requestedPath)], CandidateSource.Options);
        }

        if (!string.IsNullOrWhiteSpace(environmentValue))
        {
            return ([ExpandFolder(environmentValue)], CandidateSource.EnvironmentVariable);
        }

        var candidates = new List<string> { System.IO.Path.Combine(baseDirectory, PlatformFileName) };
        if (!string.IsNullOrEmpty(assemblyFolder))
        {
            var besideAssembly = System.IO.Path.Combine(assemblyFolder, PlatformFileName);
            if (!SameFile(besideAssembly, candidates[0]))
            {
                candidates.Add(besideAssembly);
            }
        }

        candidates.Add(PlatformFileName);
        return (candidates, CandidateSource.Default);
    }

    private static string ExpandFolder(string path) =>
        Directory.Exists(path) ? System.IO.Path.Combine(path, PlatformFileName) : path;

    private static bool SameFile(string a, string b) =>
        string.Equals(System.IO.Path.GetFullPath(a), System.IO.Path.GetFullPath(b), StringComparison.Ordinal);

    private static string Describe(CandidateSource source) => source switch
    {
        CandidateSource.Options => "OrtEnvironmentOptions.LibraryPath",
        CandidateSource.EnvironmentVariable => $"the environment variable {OrtEnvironment.LibraryPathVariable}",
        _ => "the default search",
    };

    internal enum CandidateSource
    {
        Default,
        Options,
        EnvironmentVariable,
    }
}
