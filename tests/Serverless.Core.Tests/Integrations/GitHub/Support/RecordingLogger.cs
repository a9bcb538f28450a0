using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Serverless.Core.Tests.Integrations.GitHub.Support;

/// <summary>Keeps every log line (message and exception text) so tests can check what reached the logs.</summary>
public sealed class RecordingLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => _lines.ToArray();

    public string AllText => string.Join('\n', _lines);

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var line = $"{logLevel} {eventId.Id} {formatter(state, exception)}";
        if (exception is not null) line += "\n" + exception;
        if (state is IEnumerable<KeyValuePair<string, object?>> values)
            line += " | " + string.Join(", ", values.Select(v => $"{v.Key}={v.Value}"));
        _lines.Enqueue(line);
    }
}
