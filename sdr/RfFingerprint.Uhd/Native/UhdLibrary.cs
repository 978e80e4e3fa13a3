using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;

namespace RfFingerprint.Uhd.Native;

/// <summary>
/// A loaded libuhd (UHD 4.3 C API). Load it once with <see cref="Load"/>; every UHD object is created
/// from it. The library stays loaded for the life of the process because native handles may outlive any
/// one object here.
/// </summary>
public sealed unsafe partial class UhdLibrary
{
    /// <summary>The Debian package that installs the library.</summary>
    public const string DebianPackage = "libuhd4.3.0";

    /// <summary>The versioned file name tried first.</summary>
    public const string LibraryFileName = "libuhd.so.4.3.0";

    /// <summary>The unversioned name tried second (installed by <c>libuhd-dev</c> or a source build).</summary>
    public const string FallbackLibraryFileName = "libuhd.so";

    /// <summary>Environment variable holding a path that overrides the default names.</summary>
    public const string PathEnvironmentVariable = "RFFP_UHD_LIBRARY";

    /// <summary>Environment variable UHD reads for its console log level.</summary>
    public const string LogLevelEnvironmentVariable = "UHD_LOG_CONSOLE_LEVEL";

    private static readonly Dictionary<string, UhdLibrary> Loaded = new(StringComparer.Ordinal);
    private static readonly Lock LoadLock = new();

    private UhdLibrary(string loadedFrom, UhdApi api)
    {
        LoadedFrom = loadedFrom;
        Api = api;
        Version = ReadVersion(api);
    }

    /// <summary>The name or path the library was loaded from.</summary>
    public string LoadedFrom { get; }

    /// <summary>UHD's version string (<c>uhd_get_version_string</c>), e.g. "4.3.0.0+ds1-5".</summary>
    public string Version { get; }

    internal UhdApi Api { get; }

    /// <summary>
    /// Loads libuhd, or returns the instance already loaded from the same place.
    /// </summary>
    /// <remarks>
    /// Tried in order: <paramref name="libraryPath"/> when not empty; else the path in the environment
    /// variable <see cref="PathEnvironmentVariable"/> when set; else <see cref="LibraryFileName"/> then
    /// <see cref="FallbackLibraryFileName"/> through the system's library search path.
    /// Before the first load, unless the process environment already sets it,
    /// <see cref="LogLevelEnvironmentVariable"/> is set to "warning" so that UHD's informational banner does
    /// not clutter the console; UHD still prints warnings and errors.
    /// </remarks>
    /// <param name="libraryPath">Explicit library path (e.g. from configuration), or null.</param>
    /// <exception cref="UhdUnavailableException">No candidate could be loaded, or a loaded one lacks a UHD 4.3 C function.</exception>
    public static UhdLibrary Load(string? libraryPath = null)
    {
        var candidates = Candidates(libraryPath);
        lock (LoadLock)
        {
            foreach (var candidate in candidates)
            {
                if (Loaded.TryGetValue(candidate, out var cached))
                {
                    return cached;
                }
            }

            QuietConsoleLogging();
            string reason = "not found";
            Exception? loaderError = null;
            foreach (var candidate in candidates)
            {
                nint handle;
                try
                {
                    handle = NativeLibrary.Load(candidate);
                }
                catch (Exception e) when (e is DllNotFoundException or BadImageFormatException)
                {
                    reason = e.Message;
                    loaderError = e;
                    continue;
                }

                UhdApi api;
                try
                {
                    api = new UhdApi(handle);
                }
                catch (EntryPointNotFoundException e)
                {
                    NativeLibrary.Free(handle);
                    throw new UhdUnavailableException(candidates, $"{candidate} is not the UHD 4.3 C API: {e.Message}", e);
                }

                var library = new UhdLibrary(candidate, api);
                Loaded[candidate] = library;
                return library;
            }

            throw new UhdUnavailableException(candidates, reason, loaderError);
        }
    }

    /// <summary>Like <see cref="Load"/>, but reports failure instead of throwing (for health checks).</summary>
    /// <param name="libraryPath">Explicit library path, or null.</param>
    /// <param name="library">The library when loaded.</param>
    /// <param name="error">Why it could not be loaded, otherwise null.</param>
    public static bool TryLoad(
        string? libraryPath,
        [NotNullWhen(true)] out UhdLibrary? library,
        [NotNullWhen(false)] out UhdUnavailableException? error)
    {
        try
        {
            library = Load(libraryPath);
            error = null;
            return true;
        }
        catch (UhdUnavailableException e)
        {
            library = null;
            error = e;
            return false;
        }
    }

    /// <summary>UHD's process-wide last-error text (<c>uhd_get_last_error</c>).</summary>
    public string LastError()
    {
        byte* buffer = stackalloc byte[NativeText.BufferBytes];
        buffer[0] = 0;
        buffer[NativeText.BufferBytes - 1] = 0;
        _ = Api.GetLastError(buffer, NativeText.GetterLength);
        return NativeText.FromBuffer(buffer);
    }

    /// <summary>Throws <see cref="UhdException"/> with <see cref="LastError"/> when <paramref name="code"/> is not 0.</summary>
    internal void Check(int code, string operation)
    {
        if (code != 0)
        {
            ThrowHelper.Throw(code, operation, LastError());
        }
    }

    private static IReadOnlyList<string> Candidates(string? libraryPath)
    {
        if (!string.IsNullOrWhiteSpace(libraryPath))
        {
            return [libraryPath];
        }

        var fromEnvironment = Environment.GetEnvironmentVariable(PathEnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return [fromEnvironment];
        }

        return [LibraryFileName, FallbackLibraryFileName];
    }

    private static string ReadVersion(UhdApi api)
    {
        byte* buffer = stackalloc byte[NativeText.BufferBytes];
        buffer[0] = 0;
        buffer[NativeText.BufferBytes - 1] = 0;
        return api.GetVersionString(buffer, NativeText.GetterLength) == 0 ? NativeText.FromBuffer(buffer) : string.Empty;
    }

    /// <summary>Sets UHD_LOG_CONSOLE_LEVEL=warning in the native environment unless it is set already.</summary>
    /// <remarks>
    /// UHD reads the variable with <c>getenv</c>, which does not see values set through
    /// <see cref="Environment.SetEnvironmentVariable(string, string)"/> on Unix, hence libc's <c>setenv</c>.
    /// </remarks>
    private static void QuietConsoleLogging()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            _ = SetEnv(LogLevelEnvironmentVariable, "warning", overwrite: 0);
        }
        catch (DllNotFoundException)
        {
            // A libc other than glibc: UHD then prints its banner, which is harmless.
        }
    }

    [LibraryImport("libc.so.6", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnv(string name, string value, int overwrite);
}
