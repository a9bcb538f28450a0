using Microsoft.Data.Sqlite;

namespace Serverless.Runtime.Storage.Sqlite;

/// <summary>
/// Copies the WAL back into the database on its own connection and thread, so the writer's commits never wait for a
/// checkpoint. The writer's own auto-checkpoint stays as a backstop at a much larger size.
/// </summary>
internal sealed class SqliteCheckpointer : IDisposable
{
    private const int CommitsPerCheckpoint = 64;

    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _due = new(0, 1);
    private readonly Thread _thread;
    private volatile bool _stopping;
    private int _commits;

    public SqliteCheckpointer(SqliteStoreOptions options)
    {
        _connection = SqliteSchema.Open(options);
        _thread = new Thread(Loop) { IsBackground = true, Name = "SQLite orchestration store checkpointer" };
        _thread.Start();
    }

    /// <summary>Called by the writer after each commit.</summary>
    public void Committed()
    {
        if (++_commits % CommitsPerCheckpoint == 0) Signal();
    }

    public void Dispose()
    {
        _stopping = true;
        Signal();
        _thread.Join();
        _connection.Dispose();
        _due.Dispose();
    }

    private void Signal()
    {
        try
        {
            _due.Release();
        }
        catch (SemaphoreFullException)
        {
            // A checkpoint is already due.
        }
    }

    private void Loop()
    {
        while (true)
        {
            _due.Wait();
            if (_stopping) return;
            try
            {
                SqliteSchema.Execute(_connection, "PRAGMA wal_checkpoint(PASSIVE);");
            }
            catch (SqliteException)
            {
                // Busy or interrupted: the next signal, or the writer's auto-checkpoint, catches up.
            }
        }
    }
}
