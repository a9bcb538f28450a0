namespace Serverless.Runtime.Storage.Sqlite;

internal sealed partial class WriteOperations
{
    public List<ActivityWorkItem> LockActivities(int maxCount, TimeSpan lockDuration)
    {
        var now = NowTicks;
        var until = now + lockDuration.Ticks;
        var lockedUntil = SqliteRows.Time(until);
        var items = new List<ActivityWorkItem>(maxCount);
        using var reader = statements.LockActivities.Query(LockTokens.OwnPrefix(workerId), until, now, maxCount);
        while (reader.Read())
        {
            items.Add(new ActivityWorkItem
            {
                Message = new ActivityMessage
                {
                    Id = reader.GetInt64(0),
                    InstanceId = reader.GetString(1),
                    ExecutionId = reader.GetString(2),
                    TaskScheduledId = reader.GetInt32(3),
                    Name = reader.GetString(4),
                    Input = SqliteRows.NullableString(reader, 5),
                },
                LockToken = reader.GetString(6),
                LockedUntil = lockedUntil,
                DequeueCount = reader.GetInt32(7),
            });
        }
        return items;
    }

    public bool CompleteActivity(long id, string lockToken, string what, SerializedMessage result)
    {
        if (statements.CompleteActivity.Execute(id, lockToken) == 0) throw new WorkItemLockLostException(what);
        Enqueue(result);
        return true;
    }

    public bool AbandonActivity(long id, string lockToken)
    {
        statements.AbandonActivity.Execute(id, lockToken);
        return true;
    }

    public DateTimeOffset RenewActivity(long id, string lockToken, string what, TimeSpan lockDuration)
    {
        var until = NowTicks + lockDuration.Ticks;
        if (statements.RenewActivity.Execute(id, lockToken, until) == 0) throw new WorkItemLockLostException(what);
        return SqliteRows.Time(until);
    }
}
