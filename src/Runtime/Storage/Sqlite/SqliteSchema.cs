using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Serverless.Runtime.Storage.Sqlite;

/// <summary>Connections, pragmas and tables. Times are UTC ticks (INTEGER); payloads are JSON (TEXT).</summary>
internal static class SqliteSchema
{
    public const int Version = 1;

    private const int CacheKibibytes = 65536;
    private const int JournalSizeLimitBytes = 64 * 1024 * 1024;

    /// <summary>Backstop only: <see cref="SqliteCheckpointer"/> normally checkpoints long before the WAL grows this large.</summary>
    private const int AutoCheckpointPages = 20_000;

    /// <summary>Columns of an instance row in the order <see cref="SqliteRows.ReadInstance"/> reads them.</summary>
    public const string InstanceColumns =
        "instance_id, execution_id, name, status, input, output, custom_status, failure, created_at, updated_at, completed_at, parent_instance_id";

    private const string Tables = """
        CREATE TABLE IF NOT EXISTS instances (
            instance_id TEXT NOT NULL PRIMARY KEY,
            execution_id TEXT NOT NULL,
            name TEXT NOT NULL,
            status INTEGER NOT NULL,
            input TEXT,
            output TEXT,
            custom_status TEXT,
            failure TEXT,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            completed_at INTEGER,
            parent_instance_id TEXT,
            lock_token TEXT,
            locked_until INTEGER NOT NULL DEFAULT 0,
            history_count INTEGER NOT NULL DEFAULT 0,
            history_etag INTEGER NOT NULL DEFAULT 0
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_instances_created ON instances (created_at, instance_id);
        CREATE INDEX IF NOT EXISTS ix_instances_name ON instances (name, created_at, instance_id);

        CREATE TABLE IF NOT EXISTS history (
            instance_id TEXT NOT NULL,
            seq INTEGER NOT NULL, -- position of the chunk's first event (see HistoryChunk)
            payload TEXT NOT NULL,
            PRIMARY KEY (instance_id, seq)
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS messages (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            instance_id TEXT NOT NULL,
            target_execution_id TEXT,
            event_type INTEGER NOT NULL,
            payload TEXT NOT NULL,
            visible_at INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_messages_instance ON messages (instance_id);
        CREATE INDEX IF NOT EXISTS ix_messages_visible ON messages (visible_at);

        CREATE TABLE IF NOT EXISTS activities (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            instance_id TEXT NOT NULL,
            execution_id TEXT NOT NULL,
            task_scheduled_id INTEGER NOT NULL,
            name TEXT NOT NULL,
            input TEXT,
            lock_token TEXT,
            locked_until INTEGER NOT NULL DEFAULT 0,
            dequeue_count INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX IF NOT EXISTS ix_activities_ready ON activities (locked_until, id);
        """;

    public static SqliteConnection Open(SqliteStoreOptions options)
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = options.DataSource,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = (int)Math.Ceiling(Math.Max(options.BusyTimeout.TotalSeconds * 6, 30)),
        }.ToString();
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        Execute(connection, $"""
            PRAGMA busy_timeout = {(long)options.BusyTimeout.TotalMilliseconds};
            PRAGMA synchronous = FULL;
            PRAGMA cache_size = -{CacheKibibytes};
            PRAGMA wal_autocheckpoint = {AutoCheckpointPages};
            PRAGMA journal_size_limit = {JournalSizeLimitBytes};
            """);
        return connection;
    }

    /// <summary>Switches the file to WAL and creates the tables; safe when several processes start at once.</summary>
    public static void Create(SqliteConnection connection)
    {
        var mode = Convert.ToString(Scalar(connection, "PRAGMA journal_mode = WAL;"), CultureInfo.InvariantCulture);
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"SQLite refused WAL journal mode (got '{mode}'); the store needs it to share the file between processes.");
        Execute(connection, "BEGIN IMMEDIATE;");
        try
        {
            var version = Convert.ToInt32(Scalar(connection, "PRAGMA user_version;"), CultureInfo.InvariantCulture);
            if (version > Version)
                throw new InvalidOperationException($"The database was written by a newer store (schema {version}; this one knows {Version}).");
            Execute(connection, Tables);
            Execute(connection, $"PRAGMA user_version = {Version};");
            Execute(connection, "COMMIT;");
        }
        catch
        {
            Execute(connection, "ROLLBACK;");
            throw;
        }
    }

    public static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
