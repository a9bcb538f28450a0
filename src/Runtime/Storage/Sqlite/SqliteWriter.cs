using System.Threading.Channels;

namespace Serverless.Runtime.Storage.Sqlite;

/// <summary>
/// Group commit: every write is queued to one thread that runs whatever has queued up (up to MaxBatchSize) in one
/// transaction, so one fsync covers them all. Each request runs in its own savepoint; a request that throws (lock
/// lost, conflict) is rolled back alone and fails only its caller. Callers learn of success only after COMMIT.
/// </summary>
internal sealed class SqliteWriter : IDisposable
{
    private readonly Channel<WriteRequest> _queue = Channel.CreateUnbounded<WriteRequest>(new UnboundedChannelOptions { SingleReader = true });
    private readonly WriteOperations _operations;
    private readonly WriteStatements _statements;
    private readonly int _maxBatchSize;
    private readonly Thread _thread;
    private readonly List<WriteRequest> _batch = [];
    private readonly List<WriteRequest> _executed = [];

    public SqliteWriter(WriteOperations operations, int maxBatchSize)
    {
        _operations = operations;
        _statements = operations.Statements;
        _maxBatchSize = maxBatchSize;
        _thread = new Thread(Loop) { IsBackground = true, Name = "SQLite orchestration store writer" };
        _thread.Start();
    }

    public Task<T> Run<T>(Func<WriteOperations, T> operation, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var request = new WriteRequest<T>(operation, cancellationToken);
        if (!_queue.Writer.TryWrite(request)) throw new ObjectDisposedException(nameof(SqliteOrchestrationStore));
        return request.Task;
    }

    /// <summary>Stops taking requests, finishes the queued ones, and stops the thread.</summary>
    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _thread.Join();
    }

    private void Loop()
    {
        var reader = _queue.Reader;
        while (WaitForWork(reader))
        {
            while (_batch.Count < _maxBatchSize && reader.TryRead(out var request)) _batch.Add(request);
            RunBatch();
            _batch.Clear();
            _executed.Clear();
        }
    }

    private static bool WaitForWork(ChannelReader<WriteRequest> reader)
    {
        var wait = reader.WaitToReadAsync();
        return wait.IsCompletedSuccessfully ? wait.Result : wait.AsTask().GetAwaiter().GetResult();
    }

    private void RunBatch()
    {
        try
        {
            _statements.Begin.Execute();
        }
        catch (Exception ex)
        {
            foreach (var request in _batch) request.Fail(ex);
            return;
        }

        try
        {
            foreach (var request in _batch) RunInSavepoint(request);
            _statements.Commit.Execute();
        }
        catch (Exception ex)
        {
            // The transaction as a whole failed (I/O, disk full...): nothing was written, so nobody succeeded.
            TryRollback();
            _operations.Cache.Clear();
            foreach (var request in _batch) request.Fail(ex);
            return;
        }

        foreach (var request in _executed) request.Succeed();
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
