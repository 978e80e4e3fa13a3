using RfFingerprint.Uhd.Native;
using RfFingerprint.Uhd.Streaming;
using RfFingerprint.Uhd.Tests.TestSupport;

namespace RfFingerprint.Uhd.Tests.Native;

/// <summary>RFFP_UHD_LIBRARY overrides where libuhd is loaded from; pointing it at nothing simulates a machine without UHD.</summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class UhdLibraryEnvironmentTests : IDisposable
{
    private const string MissingPath = "/nonexistent/rffp-tests/env/libuhd.so.4.3.0";
    private readonly string? _saved = Environment.GetEnvironmentVariable(UhdLibrary.PathEnvironmentVariable);

    public void Dispose() => Environment.SetEnvironmentVariable(UhdLibrary.PathEnvironmentVariable, _saved);

    [Fact]
    public void Without_the_library_creating_the_source_fails_with_UhdUnavailableException_naming_libuhd4_3_0()
    {
        Environment.SetEnvironmentVariable(UhdLibrary.PathEnvironmentVariable, MissingPath);

        var e = Assert.Throws<UhdUnavailableException>(() => new UhdIqSource(new UhdOptions { Args = RealUhd.UnreachableDeviceArgs }));

        Assert.Contains("install the Debian package libuhd4.3.0", e.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal([MissingPath], e.Attempted);
    }

    [Fact]
    public void The_environment_override_is_used_when_no_path_is_configured()
    {
        Environment.SetEnvironmentVariable(UhdLibrary.PathEnvironmentVariable, "/usr/lib/x86_64-linux-gnu/libuhd.so.4.3.0");

        var library = UhdLibrary.Load();

        Assert.Equal("/usr/lib/x86_64-linux-gnu/libuhd.so.4.3.0", library.LoadedFrom);
    }

    [Fact]
    public void A_configured_path_wins_over_the_environment()
    {
        Environment.SetEnvironmentVariable(UhdLibrary.PathEnvironmentVariable, MissingPath);

        var library = UhdLibrary.Load(UhdLibrary.LibraryFileName);

        Assert.Equal(UhdLibrary.LibraryFileName, library.LoadedFrom);
    }

    [Fact]
    public void Without_override_the_versioned_name_is_loaded()
    {
        Environment.SetEnvironmentVariable(UhdLibrary.PathEnvironmentVariable, null);

        var library = UhdLibrary.Load();

        Assert.Equal(UhdLibrary.LibraryFileName, library.LoadedFrom);
    }
}
