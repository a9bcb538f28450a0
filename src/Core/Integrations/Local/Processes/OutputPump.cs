using System.Text;
using System.Threading.Channels;
using Serverless.Core.Artifacts;

namespace Serverless.Core.Integrations.Local.Processes;

/// <summary>
/// Streams a process's stdout and stderr, interleaved line by line, into one log artifact while it runs: lines
/// queue up and a single writer appends whatever has queued in one call, so a chatty step costs few appends.
/// Keeps the last lines for a short summary.
/// </summary>
internal sealed class OutputPump
{
    private const string Mask = "***";

    private readonly IArtifactStore _artifacts;
    private readonly string _logName;
    private readonly string[] _maskedValues;
    private readonly int _tailLines;
    private readonly Queue<string> _tail = new();
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    public OutputPump(IArtifactStore artifacts, string logName, int tailLines, IEnumerable<string>? maskedValues = null)
    {
        _artifacts = artifacts;
        _logName = logName;
        _tailLines = tailLines;
        _maskedValues = (maskedValues ?? []).Where(value => !string.IsNullOrEmpty(value)).OrderByDescending(value => value.Length).ToArray();
        _writer = Task.Run(WriteAsync);
    }

    public IReadOnlyList<string> Tail
    {
        get
        {
            lock (_tail)
            {
                return _tail.ToArray();
            }
        }
    }

    /// <summary>Writes a line of our own (a header or a footer) that is not part of the tail.</summary>
    public void Note(string line) => _lines.Writer.TryWrite(line);

    public async Task PumpAsync(TextReader reader, CancellationToken cancellationToken)
    {
        try
        {
            while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                var masked = MaskSecrets(line);
                lock (_tail)
                {
                    _tail.Enqueue(masked);
                    if (_tail.Count > _tailLines)
                    {
                        _tail.Dequeue();
                    }
                }

                _lines.Writer.TryWrite(masked);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or IOException)
        {
        }
    }

    /// <summary>Waits until every queued line is in the artifact.</summary>
    public Task CompleteAsync()
    {
        _lines.Writer.TryComplete();
        return _writer;
    }

    private async Task WriteAsync()
    {
        var batch = new StringBuilder();
        while (await _lines.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Length < 1 << 20 && _lines.Reader.TryRead(out var line))
            {
                batch.Append(line).Append('\n');
            }

            await _artifacts.AppendAsync(_logName, batch.ToString()).ConfigureAwait(false);
        }
    }

    private string MaskSecrets(string line)
    {
        foreach (var value in _maskedValues)
        {
            line = line.Replace(value, Mask, StringComparison.Ordinal);
        }

        return line;
    }
}
