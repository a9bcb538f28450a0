using Microsoft.Data.Sqlite;

namespace Serverless.Runtime.Storage.Sqlite;

/// <summary>Every statement the writer runs, prepared once on its connection (closing the connection finalizes them).</summary>
internal sealed class WriteStatements(SqliteConnection connection)
{
    private const string Pending = "6";
    private const string Suspended = "7";
    private const string Terminal = "1, 3, 4, 5";
    private const string DeliveredBeforeStart = "0, 2";
    private const string DeliveredWhileSuspended = "2, 4";
    private const string Columns = SqliteSchema.InstanceColumns;

    public PreparedStatement Begin { get; } = Prepare(connection, "BEGIN IMMEDIATE", 0);
    public PreparedStatement Commit { get; } = Prepare(connection, "COMMIT", 0);
    public PreparedStatement Rollback { get; } = Prepare(connection, "ROLLBACK", 0);
    public PreparedStatement SynchronousFull { get; } = Prepare(connection, "PRAGMA synchronous = FULL", 0);
    public PreparedStatement SynchronousNormal { get; } = Prepare(connection, "PRAGMA synchronous = NORMAL", 0);
    public PreparedStatement Savepoint { get; } = Prepare(connection, "SAVEPOINT request", 0);
    public PreparedStatement ReleaseSavepoint { get; } = Prepare(connection, "RELEASE request", 0);
    public PreparedStatement RollbackToSavepoint { get; } = Prepare(connection, "ROLLBACK TO request", 0);

    /// <summary>$p0 instance id → status.</summary>
    public PreparedStatement InstanceStatus { get; } = Prepare(connection, "SELECT status FROM instances WHERE instance_id = $p0", 1);

    public PreparedStatement InsertInstance { get; } = Prepare(connection, $"""
        INSERT INTO instances ({Columns}, history_etag)
        VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10, $p11, $p12)
        """, 13);

    public PreparedStatement DeleteInstance { get; } = Prepare(connection, "DELETE FROM instances WHERE instance_id = $p0", 1);
    public PreparedStatement DeleteFinishedInstance { get; } = Prepare(connection, $"DELETE FROM instances WHERE instance_id = $p0 AND status IN ({Terminal})", 1);
    public PreparedStatement DeleteHistory { get; } = Prepare(connection, "DELETE FROM history WHERE instance_id = $p0", 1);
    public PreparedStatement DeleteInbox { get; } = Prepare(connection, "DELETE FROM messages WHERE instance_id = $p0", 1);

    /// <summary>Enqueues a message unless its instance does not exist: $p0 instance, $p1 target execution, $p2 type, $p3 payload, $p4 visible at.</summary>
    public PreparedStatement InsertMessage { get; } = Prepare(connection, """
        INSERT INTO messages (instance_id, target_execution_id, event_type, payload, visible_at)
        SELECT $p0, $p1, $p2, $p3, $p4 WHERE EXISTS (SELECT 1 FROM instances WHERE instance_id = $p0)
        """, 5);

    /// <summary>
    /// Instances with a deliverable message, oldest message first, after the (visible_at, id) keyset $p1, $p2:
    /// $p0 now, $p3 how many message rows to scan. Walks ix_messages_visible, so future timers cost nothing.
    /// </summary>
    public PreparedStatement ReadyInstances { get; } = Prepare(connection, $"""
        SELECT m.instance_id, m.visible_at, m.id
        FROM messages m JOIN instances i ON i.instance_id = m.instance_id
        WHERE m.visible_at <= $p0 AND (m.visible_at, m.id) > ($p1, $p2) AND i.locked_until <= $p0
          AND CASE i.status WHEN {Pending} THEN m.event_type IN ({DeliveredBeforeStart}) WHEN {Suspended} THEN m.event_type IN ({DeliveredWhileSuspended}) ELSE 1 END
        ORDER BY m.visible_at, m.id
        LIMIT $p3
        """, 4);

    /// <summary>$p0 instance, $p1 token, $p2 locked until, $p3 now → the instance columns, history_etag.</summary>
    public PreparedStatement LockInstance { get; } = Prepare(connection, $"""
        UPDATE instances SET lock_token = $p1, locked_until = $p2
        WHERE instance_id = $p0 AND locked_until <= $p3
        RETURNING {Columns}, history_etag
        """, 4);

    /// <summary>$p0 instance, $p1 now → id, target_execution_id, payload, visible_at.</summary>
    public PreparedStatement VisibleMessages { get; } = Prepare(connection,
        "SELECT id, target_execution_id, event_type, payload, visible_at FROM messages WHERE instance_id = $p0 AND visible_at <= $p1 ORDER BY id", 2);

    public PreparedStatement History { get; } = Prepare(connection, "SELECT payload FROM history WHERE instance_id = $p0 ORDER BY seq", 1);

    /// <summary>
    /// Writes the instance and releases the lock if $p1 still holds it: $p2..$p12 the instance values, $p13 replace
    /// history (0/1), $p14 events appended, $p15 new etag → the new history_count.
    /// </summary>
    public PreparedStatement CompleteInstance { get; } = Prepare(connection, """
        UPDATE instances SET
            execution_id = $p2, name = $p3, status = $p4, input = $p5, output = $p6, custom_status = $p7, failure = $p8,
            created_at = $p9, updated_at = $p10, completed_at = $p11, parent_instance_id = $p12,
            lock_token = NULL, locked_until = 0,
            history_count = CASE WHEN $p13 THEN 0 ELSE history_count END + $p14,
            history_etag = CASE WHEN $p13 OR $p14 > 0 THEN $p15 ELSE history_etag END
        WHERE instance_id = $p0 AND lock_token = $p1
        RETURNING history_count
        """, 16);

    public PreparedStatement InsertHistory { get; } = Prepare(connection, "INSERT INTO history (instance_id, seq, payload) VALUES ($p0, $p1, $p2)", 3);
    public PreparedStatement DeleteMessage { get; } = Prepare(connection, "DELETE FROM messages WHERE id = $p0 AND instance_id = $p1", 2);
    public PreparedStatement AbandonInstance { get; } = Prepare(connection, "UPDATE instances SET lock_token = NULL, locked_until = 0 WHERE instance_id = $p0 AND lock_token = $p1", 2);
    public PreparedStatement RenewInstance { get; } = Prepare(connection, "UPDATE instances SET locked_until = $p2 WHERE instance_id = $p0 AND lock_token = $p1", 3);

    public PreparedStatement InsertActivity { get; } = Prepare(connection,
        "INSERT INTO activities (instance_id, execution_id, task_scheduled_id, name, input) VALUES ($p0, $p1, $p2, $p3, $p4)", 5);

    /// <summary>
    /// $p0 token prefix, $p1 locked until, $p2 now, $p3 max count → the locked rows. Never-locked requests (locked_until 0)
    /// come first in ix_activities_ready, then expired leases.
    /// </summary>
    public PreparedStatement LockActivities { get; } = Prepare(connection, """
        UPDATE activities SET lock_token = $p0 || lower(hex(randomblob(16))), locked_until = $p1, dequeue_count = dequeue_count + 1
        WHERE id IN (SELECT id FROM activities WHERE locked_until <= $p2 ORDER BY locked_until, id LIMIT $p3)
        RETURNING id, instance_id, execution_id, task_scheduled_id, name, input, lock_token, dequeue_count
        """, 4);

    public PreparedStatement CompleteActivity { get; } = Prepare(connection, "DELETE FROM activities WHERE id = $p0 AND lock_token = $p1", 2);
    public PreparedStatement AbandonActivity { get; } = Prepare(connection, "UPDATE activities SET lock_token = NULL, locked_until = 0 WHERE id = $p0 AND lock_token = $p1", 2);
    public PreparedStatement RenewActivity { get; } = Prepare(connection, "UPDATE activities SET locked_until = $p2 WHERE id = $p0 AND lock_token = $p1", 3);

    /// <summary>$p0 the worker's token prefix, $p1 its length.</summary>
    public PreparedStatement ReleaseInstanceLocks { get; } = Prepare(connection,
        "UPDATE instances SET lock_token = NULL, locked_until = 0 WHERE lock_token IS NOT NULL AND substr(lock_token, 1, $p1) = $p0", 2);

    public PreparedStatement ReleaseActivityLocks { get; } = Prepare(connection,
        "UPDATE activities SET lock_token = NULL, locked_until = 0 WHERE lock_token IS NOT NULL AND substr(lock_token, 1, $p1) = $p0", 2);

    public SqliteConnection Connection => connection;

    private static PreparedStatement Prepare(SqliteConnection connection, string sql, int parameterCount) => new(connection, sql, parameterCount);
}
