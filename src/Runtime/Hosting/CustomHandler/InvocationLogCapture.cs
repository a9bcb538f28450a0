using Microsoft.Extensions.Logging;

namespace Serverless.Runtime.Hosting.CustomHandler;

/// <summary>
/// Collects what is logged while a custom-handler invocation runs, so the response's <c>Logs</c> carries it into the
/// Functions host's invocation log. Loggers stay silent outside an invocation.
/// </summary>
public sealed class InvocationLogCapture : ILoggerProvider
{
    public const int MaxLines = 1000;

    private static readonly AsyncLocal<Lines?> Current = new();

    /// <summary>Starts collecting for the calling flow; dispose to stop.</summary>
    public static Lines Begin()
    {
        var lines = new Lines(Current.Value);
        Current.Value = lines;
        return lines;
    }

    public ILogger CreateLogger(string categoryName) => CapturingLogger.Instance;

    public void Dispose()
    {
    }

    /// <summary>The lines logged during one invocation.</summary>
    public sealed class Lines : IDisposable
    {
        private readonly Lines? _outer;
        private readonly List<string> _lines = [];
        private int _dropped;

        internal Lines(Lines? outer) => _outer = outer;

        public IReadOnlyList<string> ToList()
        {
            lock (_lines)
                return _dropped == 0 ? [.. _lines] : [.. _lines, $"({_dropped} more log lines were not returned)"];
        }

        internal void Add(string line)
        {
            lock (_lines)
            {
                if (_lines.Count < MaxLines) _lines.Add(line);
                else _dropped++;
            }
        }

        public void Dispose() => Current.Value = _outer;
    }

    private sealed class CapturingLogger : ILogger
    {
        public static readonly CapturingLogger Instance = new();

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && Current.Value is not null;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.None || Current.Value is not { } lines) return;
            var message = formatter(state, exception);
            if (exception is not null) message = $"{message} ({exception.GetType().Name}: {exception.Message})";
            // The Functions host logs every returned line at Information, so a line keeps its own level in its text.
            lines.Add(logLevel >= LogLevel.Warning ? $"{logLevel}: {message}" : message);
        }
    }
}
