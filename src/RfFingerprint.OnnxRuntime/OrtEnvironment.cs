using System.Text;
using RfFingerprint.OnnxRuntime.Native;

namespace RfFingerprint.OnnxRuntime;

/// <summary>
/// An ONNX Runtime environment (<c>OrtEnv</c>): loads the native library on first use and owns the runtime's logging
/// and global state. Sessions created from it keep it alive until they are disposed. Most code uses <see cref="Shared"/>;
/// create one explicitly only to choose the library file or the log level.
/// </summary>
/// <remarks>
/// The native library is chosen once per process: <see cref="OrtEnvironmentOptions.LibraryPath"/>, else the
/// environment variable <see cref="LibraryPathVariable"/>, else the copy the build places beside the application,
/// else the operating system's search path.
/// </remarks>
public sealed unsafe class OrtEnvironment : IDisposable
{
    /// <summary>Environment variable naming the ONNX Runtime library file (or its folder) to load instead of the bundled one.</summary>
    public const string LibraryPathVariable = "RFFP_ONNXRUNTIME_PATH";

    private static readonly Lazy<OrtEnvironment> SharedInstance = new(() => new OrtEnvironment(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly OrtNativeLibrary _library;

    /// <summary>Loads the native library if needed and creates an environment.</summary>
    /// <param name="options">Library path and logging; null for the defaults.</param>
    /// <exception cref="DllNotFoundException">The library cannot be found or loaded; the message says where it looked.</exception>
    /// <exception cref="InvalidOperationException">Another ONNX Runtime library file is already loaded in this process.</exception>
    /// <exception cref="OnnxRuntimeException">ONNX Runtime refused to create the environment.</exception>
    public OrtEnvironment(OrtEnvironmentOptions? options = null)
    {
        options ??= new OrtEnvironmentOptions();
        if (!Enum.IsDefined(options.LogLevel))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.LogLevel, "Unknown logging level.");
        }

        _library = OrtNativeLibrary.Load(options.LibraryPath);
        var api = _library.Api;
        var logId = Encoding.UTF8.GetBytes(options.LogId + "\0");
        nint env;
        fixed (byte* logIdPtr = logId)
        {
            api.Check(api.CreateEnv((int)options.LogLevel, logIdPtr, &env));
        }

        Handle = new OrtHandle(env, api.ReleaseEnv);
    }

    /// <summary>The process-wide environment with default options, created on first use.</summary>
    /// <exception cref="DllNotFoundException">On first use, when the library cannot be loaded.</exception>
    public static OrtEnvironment Shared => SharedInstance.Value;

    /// <summary>Version string of the loaded runtime (for example <c>1.24.3</c>), from <c>OrtApiBase::GetVersionString</c>.</summary>
    public string RuntimeVersion => _library.Version;

    /// <summary><c>ORT_API_VERSION</c> of the function table in use.</summary>
    public int ApiVersion => (int)_library.ApiVersion;

    /// <summary>Path of the native library file that was loaded.</summary>
    public string LibraryPath => _library.Path;

    internal OrtApi Api => _library.Api;

    internal nint CpuMemoryInfo => _library.CpuMemoryInfo;

    internal OrtHandle Handle { get; }

    /// <summary>Releases this environment once no session uses it any more. Disposing <see cref="Shared"/> is ignored.</summary>
    public void Dispose()
    {
        if (!ReferenceEquals(this, SharedInstance.IsValueCreated ? SharedInstance.Value : null))
        {
            Handle.Dispose();
        }
    }
}
