using RfFingerprint.Uhd.Native;

namespace RfFingerprint.Uhd.Tests.Native;

public sealed class UhdLibraryTests
{
    [Fact]
    public void Loads_the_Debian_library_by_its_versioned_name()
    {
        var library = UhdLibrary.Load(UhdLibrary.LibraryFileName);

        Assert.Equal("libuhd.so.4.3.0", library.LoadedFrom);
        Assert.StartsWith("4.3.0", library.Version, StringComparison.Ordinal);
    }

    [Fact]
    public void Loading_the_same_library_twice_returns_one_instance()
    {
        Assert.Same(UhdLibrary.Load(UhdLibrary.LibraryFileName), UhdLibrary.Load(UhdLibrary.LibraryFileName));
    }

    [Fact]
    public void A_missing_library_file_throws_UhdUnavailableException_naming_the_Debian_package()
    {
        const string path = "/nonexistent/rffp-tests/libuhd.so.4.3.0";

        var e = Assert.Throws<UhdUnavailableException>(() => UhdLibrary.Load(path));

        Assert.Contains("libuhd4.3.0", e.Message, StringComparison.Ordinal);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Equal([path], e.Attempted);
    }

    [Fact]
    public void A_library_without_the_UHD_C_API_is_rejected_as_unavailable()
    {
        var e = Assert.Throws<UhdUnavailableException>(() => UhdLibrary.Load("libc.so.6"));

        Assert.Contains("not the UHD 4.3 C API", e.Message, StringComparison.Ordinal);
        Assert.Contains("libuhd4.3.0", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryLoad_reports_a_missing_library_without_throwing()
    {
        bool loaded = UhdLibrary.TryLoad("/nonexistent/rffp-tests/libuhd.so", out var library, out var error);

        Assert.False(loaded);
        Assert.Null(library);
        Assert.Contains("libuhd4.3.0", error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UhdException_message_carries_operation_code_and_native_text()
    {
        var e = new UhdException(UhdError.Key, "uhd_usrp_make", "KeyError: No devices found");

        Assert.Equal(UhdError.Key, e.Error);
        Assert.Equal("uhd_usrp_make failed with UHD error Key (11): KeyError: No devices found", e.Message);
    }

    [Fact]
    public void Error_codes_match_uhd_error_h()
    {
        Assert.Equal(11, (int)UhdError.Key);
        Assert.Equal(30, (int)UhdError.IO);
        Assert.Equal(44, (int)UhdError.Runtime);
        Assert.Equal(100, (int)UhdError.Unknown);
    }
}
