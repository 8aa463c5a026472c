using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Mismes.TestCommon;

/// <summary>Log entries written during a test (event id, level and the rendered message), to assert on security events.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    public sealed record Entry(string Category, EventId EventId, LogLevel Level, string Message);

    private readonly ConcurrentQueue<Entry> _entries = new();

    public IReadOnlyList<Entry> Entries => [.. _entries];

    public ILogger<T> Logger<T>() => new Logger<T>(new LoggerFactory([this]));

    public ILogger CreateLogger(string categoryName) => new Capturing(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Capturing(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner._entries.Enqueue(new Entry(category, eventId, logLevel, formatter(state, exception)));
    }
}
