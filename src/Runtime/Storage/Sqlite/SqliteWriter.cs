using System.Threading.Channels;

namespace Serverless.Runtime.Storage.Sqlite;

/// <summary>
/// Group commit: every write is queued to one thread that runs whatever has queued up (up to MaxBatchSize) in one
/// transaction, so one fsync covers them all. Each request runs in its own savepoint; a request that throws (lock
/// lost, conflict) is rolled back alone and fails only its caller. Callers learn of success only after COMMIT.
/// </summary>
/// <remarks>
/// Lease-only requests (lock, renew, abandon, release) are committed first, in their own transaction, without an fsync
/// (synchronous=NORMAL). Losing one to a power cut loses only a lease held by the process that died with it, and the
/// next durable commit's fsync of the WAL makes it durable anyway, so a step's lock no longer waits for the disk.
/// </remarks>
internal sealed class SqliteWriter : IDisposable
{
    private readonly Channel<WriteRequest> _queue = Channel.CreateUnbounded<WriteRequest>(new UnboundedChannelOptions { SingleReader = true });
    private readonly WriteOperations _operations;
    private readonly WriteStatements _statements;
    private readonly SqliteCheckpointer _checkpointer;
    private readonly int _maxBatchSize;
    private readonly Thread _thread;
    private readonly List<WriteRequest> _leases = [];
    private readonly List<WriteRequest> _durable = [];
    private readonly List<WriteRequest> _executed = [];
    private bool _syncFull = true;

    public SqliteWriter(WriteOperations operations, SqliteCheckpointer checkpointer, int maxBatchSize)
    {
        _operations = operations;
        _statements = operations.Statements;
        _checkpointer = checkpointer;
        _maxBatchSize = maxBatchSize;
        _thread = new Thread(Loop) { IsBackground = true, Name = "SQLite orchestration store writer" };
        _thread.Start();
    }

    /// <summary>Queues a write that must survive a power cut once the returned task completes.</summary>
    public Task<T> Run<T>(Func<WriteOperations, T> operation, CancellationToken cancellationToken) =>
        Enqueue(operation, durable: true, cancellationToken);

    /// <summary>Queues a write that only takes, extends or gives up leases.</summary>
    public Task<T> RunLease<T>(Func<WriteOperations, T> operation, CancellationToken cancellationToken) =>
        Enqueue(operation, durable: false, cancellationToken);

    /// <summary>Stops taking requests, finishes the queued ones, and stops the thread.</summary>
    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _thread.Join();
    }

    private Task<T> Enqueue<T>(Func<WriteOperations, T> operation, bool durable, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var request = new WriteRequest<T>(operation, durable, cancellationToken);
        if (!_queue.Writer.TryWrite(request)) throw new ObjectDisposedException(nameof(SqliteOrchestrationStore));
        return request.Task;
    }

    private void Loop()
    {
        var reader = _queue.Reader;
        while (WaitForWork(reader))
        {
            while (_leases.Count + _durable.Count < _maxBatchSize && reader.TryRead(out var request))
                (request.Durable ? _durable : _leases).Add(request);
            if (_leases.Count > 0) RunBatch(_leases, syncFull: false);
            if (_durable.Count > 0) RunBatch(_durable, syncFull: true);
            _leases.Clear();
            _durable.Clear();
        }
    }

    private static bool WaitForWork(ChannelReader<WriteRequest> reader)
    {
        var wait = reader.WaitToReadAsync();
        return wait.IsCompletedSuccessfully ? wait.Result : wait.AsTask().GetAwaiter().GetResult();
    }

    private void RunBatch(List<WriteRequest> batch, bool syncFull)
    {
        _executed.Clear();
        try
        {
            SetSynchronous(syncFull);
            _statements.Begin.Execute();
        }
        catch (Exception ex)
        {
            foreach (var request in batch) request.Fail(ex);
            return;
        }

        try
        {
            foreach (var request in batch) RunInSavepoint(request);
            _statements.Commit.Execute();
        }
        catch (Exception ex)
        {
            // The transaction as a whole failed (I/O, disk full...): nothing was written, so nobody succeeded.
            TryRollback();
            _operations.Cache.Clear();
            foreach (var request in batch) request.Fail(ex);
            return;
        }

        _checkpointer.Committed();
        foreach (var request in _executed) request.Succeed();
    }

    private void SetSynchronous(bool full)
    {
        if (_syncFull == full) return;
        (full ? _statements.SynchronousFull : _statements.SynchronousNormal).Execute();
        _syncFull = full;
    }

    private void RunInSavepoint(WriteRequest request)
    {
        if (request.IsCanceled)
        {
            request.Fail(new OperationCanceledException());
            return;
        }

        _statements.Savepoint.Execute();
        try
        {
            request.Execute(_operations);
        }
        catch (Exception ex)
        {
            _statements.RollbackToSavepoint.Execute();
            _statements.ReleaseSavepoint.Execute();
            request.Fail(ex);
            return;
        }
        _statements.ReleaseSavepoint.Execute();
        _executed.Add(request);
    }

    private void TryRollback()
    {
        try
        {
            _statements.Rollback.Execute();
        }
        catch (Exception)
        {
            // SQLite may have rolled back already ("no transaction is active"); either way none is open now.
        }
    }
}
