namespace RfFingerprint.Uhd.Native;

/// <summary>Error codes returned by every call of the UHD C API (<c>uhd_error</c> in <c>uhd/error.h</c>).</summary>
public enum UhdError
{
    /// <summary>No error.</summary>
    None = 0,

    /// <summary>Invalid device arguments.</summary>
    InvalidDevice = 1,

    /// <summary><c>uhd::index_error</c>.</summary>
    Index = 10,

    /// <summary><c>uhd::key_error</c>; also what <c>uhd_usrp_make</c> returns when no device matches the arguments.</summary>
    Key = 11,

    /// <summary><c>uhd::not_implemented_error</c>.</summary>
    NotImplemented = 20,

    /// <summary><c>uhd::usb_error</c>.</summary>
    Usb = 21,

    /// <summary><c>uhd::io_error</c>.</summary>
    IO = 30,

    /// <summary><c>uhd::os_error</c>.</summary>
    OS = 31,

    /// <summary><c>uhd::assertion_error</c>.</summary>
    Assertion = 40,

    /// <summary><c>uhd::lookup_error</c>.</summary>
    Lookup = 41,

    /// <summary><c>uhd::type_error</c>.</summary>
    Type = 42,

    /// <summary><c>uhd::value_error</c>.</summary>
    Value = 43,

    /// <summary><c>uhd::runtime_error</c>.</summary>
    Runtime = 44,

    /// <summary><c>uhd::environment_error</c>.</summary>
    Environment = 45,

    /// <summary><c>uhd::system_error</c>.</summary>
    System = 46,

    /// <summary><c>uhd::exception</c> of no more specific kind.</summary>
    Except = 47,

    /// <summary>A <c>boost::exception</c> was thrown.</summary>
    BoostExcept = 60,

    /// <summary>A <c>std::exception</c> was thrown.</summary>
    StdExcept = 70,

    /// <summary>Anything else was thrown.</summary>
    Unknown = 100,
}
