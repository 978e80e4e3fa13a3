using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;

namespace RfFingerprint.OnnxRuntime.Native;

/// <summary>The native logging callback (<c>OrtLoggingFunction</c>) that forwards a session's messages to an <see cref="ILogger"/>.</summary>
internal static unsafe class OrtSessionLogger
{
    private static readonly Action<ILogger, string, string, string, Exception?>[] Writers =
    [
        LoggerMessage.Define<string, string, string>(LogLevel.Trace, new EventId(1, "OnnxRuntime"), "ONNX Runtime [{Category}] {Message} ({CodeLocation})"),
        LoggerMessage.Define<string, string, string>(LogLevel.Debug, new EventId(1, "OnnxRuntime"), "ONNX Runtime [{Category}] {Message} ({CodeLocation})"),
        LoggerMessage.Define<string, string, string>(LogLevel.Warning, new EventId(1, "OnnxRuntime"), "ONNX Runtime [{Category}] {Message} ({CodeLocation})"),
        LoggerMessage.Define<string, string, string>(LogLevel.Error, new EventId(1, "OnnxRuntime"), "ONNX Runtime [{Category}] {Message} ({CodeLocation})"),
        LoggerMessage.Define<string, string, string>(LogLevel.Critical, new EventId(1, "OnnxRuntime"), "ONNX Runtime [{Category}] {Message} ({CodeLocation})"),
    ];

    private static readonly LogLevel[] Levels = [LogLevel.Trace, LogLevel.Debug, LogLevel.Warning, LogLevel.Error, LogLevel.Critical];

    /// <summary>Called by ONNX Runtime on its own threads; <paramref name="state"/> is a <see cref="GCHandle"/> to the logger.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static void Log(nint state, int severity, byte* category, byte* logId, byte* codeLocation, byte* message)
    {
        // An exception must never unwind into native code (the process would be torn down), and a failing logger
        // must not fail inference, so anything thrown here is dropped.
#pragma warning disable CA1031 // Do not catch general exception types
        try
        {
            if (GCHandle.FromIntPtr(state).Target is not ILogger logger)
            {
                return;
            }

            var index = Math.Clamp(severity, 0, Levels.Length - 1);
            if (logger.IsEnabled(Levels[index]))
            {
                Writers[index](logger, Text(category), Text(message), Text(codeLocation), null);
            }
        }
        catch (Exception)
        {
        }
#pragma warning restore CA1031
    }

    /// <summary>Frees a logger handle if one was allocated.</summary>
    public static void Free(ref GCHandle state)
    {
        if (state.IsAllocated)
        {
            state.Free();
        }
    }

    private static string Text(byte* value) => value == null ? string.Empty : Marshal.PtrToStringUTF8((nint)value) ?? string.Empty;
}
