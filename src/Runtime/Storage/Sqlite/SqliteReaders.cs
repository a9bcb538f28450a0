using System.Collections.Concurrent;

namespace Serverless.Runtime.Storage.Sqlite;

/// <summary>A few read connections, opened on first use, each used by one caller at a time.</summary>
internal sealed class SqliteReaders(SqliteStoreOptions options) : IDisposable
{
    private readonly ConcurrentBag<ReadSession> _idle = [];
    private readonly SemaphoreSlim _slots = new(options.ReadConnections, options.ReadConnections);
    private volatile bool _disposed;

    public async Task<T> Run<T>(Func<ReadSession, T> read, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        ReadSession? session = null;
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            session = _idle.TryTake(out var idle) ? idle : new ReadSession(SqliteSchema.Open(options));
            return read(session);
        }
        finally
        {
            if (session is not null) _idle.Add(session);
            _slots.Release();
        }
    }

    public void Dispose()
    {
        _disposed = true;
        for (var i = 0; i < options.ReadConnections; i++) _slots.Wait();
        while (_idle.TryTake(out var session)) session.Dispose();
    }
}
