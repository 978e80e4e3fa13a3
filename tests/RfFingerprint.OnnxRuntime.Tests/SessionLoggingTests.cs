using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace RfFingerprint.OnnxRuntime.Tests;

public sealed class SessionLoggingTests
{
    [Fact]
    public void VerboseSessionSendsTheRuntimesMessagesToTheLogger()
    {
        var logger = new CapturingLogger();

        using (new InferenceSession(TestModel.ModelPath, new SessionOptions { LogLevel = OrtLoggingLevel.Verbose, Logger = logger }))
        {
        }

        Assert.NotEmpty(logger.Entries);
        Assert.All(logger.Entries, e => Assert.StartsWith("ONNX Runtime [", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void SessionWithLoggerRunsCorrectlyAfterTheLoggerSawItsMessages()
    {
        var example = TestModel.Case("single");
        var logger = new CapturingLogger();
        using var session = new InferenceSession(TestModel.ModelPath, new SessionOptions { LogLevel = OrtLoggingLevel.Verbose, Logger = logger });

        var result = session.Run("iq", example.Input, example.InputShape, "logits");

        TestModel.AssertClose(example.Output, result.Data);
    }

    private sealed class CapturingLogger : ILogger
    {
        public ConcurrentQueue<(LogLevel Level, string Message)> Entries { get; } = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Enqueue((logLevel, formatter(state, exception)));
    }
}
