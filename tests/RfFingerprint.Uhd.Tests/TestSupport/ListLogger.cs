using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace RfFingerprint.Uhd.Tests.TestSupport;

/// <summary>Keeps every log entry so that tests can read what was logged.</summary>
public sealed class ListLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _entries.Enqueue(new LogEntry(logLevel, eventId.Id, formatter(state, exception), exception));

    public int Count(int eventId) => _entries.Count(e => e.EventId == eventId);
}

public sealed record LogEntry(LogLevel Level, int EventId, string Message, Exception? Exception);
