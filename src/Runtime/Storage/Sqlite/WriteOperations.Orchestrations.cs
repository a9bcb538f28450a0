using Serverless.Runtime.Durable;
using Serverless.Runtime.Durable.History;

namespace Serverless.Runtime.Storage.Sqlite;

internal sealed partial class WriteOperations
{
    private const int SuspendedDeliverableResumed = (int)EventType.ExecutionResumed;
    private const int SuspendedDeliverableTerminated = (int)EventType.ExecutionTerminated;

    public List<LockedInstance> LockOrchestrations(int maxCount, TimeSpan lockDuration)
    {
        var now = NowTicks;
        var until = now + lockDuration.Ticks;
        var locked = new List<LockedInstance>(maxCount);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var candidates = new List<string>();
        var scan = maxCount + 8;
        long afterVisible = long.MinValue, afterId = long.MinValue;
        while (locked.Count < maxCount)
        {
            candidates.Clear();
            var rows = 0;
            using (var reader = statements.ReadyInstances.Query(now, afterVisible, afterId, scan))
            {
                while (reader.Read())
                {
                    rows++;
                    afterVisible = reader.GetInt64(1);
                    afterId = reader.GetInt64(2);
                    var instanceId = reader.GetString(0);
                    if (seen.Add(instanceId)) candidates.Add(instanceId);
                }
            }
            foreach (var instanceId in candidates)
            {
                if (locked.Count == maxCount) break;
                if (TryLock(instanceId, now, until) is { } item) locked.Add(item);
            }
            if (rows < scan) break;
        }
        return locked;
    }

    private LockedInstance? TryLock(string instanceId, long now, long until)
    {
        var token = LockTokens.New(workerId);
        InstanceRecord instance;
        long etag;
        using (var reader = statements.LockInstance.Query(instanceId, token, until, now))
        {
            if (!reader.Read()) return null;
            instance = SqliteRows.ReadInstance(reader);
            etag = reader.GetInt64(12);
        }

        var suspended = instance.Status == OrchestrationRuntimeStatus.Suspended;
        var messages = new List<RawMessage>();
        using (var reader = statements.VisibleMessages.Query(instanceId, now))
        {
            while (reader.Read())
            {
                var eventType = reader.GetInt32(2);
                if (suspended && eventType is not (SuspendedDeliverableResumed or SuspendedDeliverableTerminated)) continue;
                messages.Add(new RawMessage(reader.GetInt64(0), SqliteRows.NullableString(reader, 1), reader.GetString(3), reader.GetInt64(4)));
            }
        }

        var cached = cache.TryTake(instanceId, etag, token);
        List<string>? historyChunks = null;
        if (cached is null)
        {
            historyChunks = [];
            using var reader = statements.History.Query(instanceId);
            while (reader.Read()) historyChunks.Add(reader.GetString(0));
        }
        return new LockedInstance(instance, token, SqliteRows.Time(until), messages, cached, historyChunks, etag);
    }

    public bool CompleteOrchestration(SerializedStep step)
    {
        var appended = step.NewEvents.Count;
        var etag = NewEtag();
        if (statements.CompleteInstance.Scalar(step.InstanceId, step.LockToken, step.Values.ExecutionId, step.Values.Name, step.Values.Status,
                step.Values.Input, step.Values.Output, step.Values.CustomStatus, step.Values.Failure, step.Values.CreatedAt, step.Values.UpdatedAt,
                step.Values.CompletedAt, step.Values.ParentInstanceId, step.ReplaceHistory ? 1 : 0, appended, etag) is not long count)
            throw new WorkItemLockLostException($"orchestration '{step.InstanceId}'");

        if (step.ReplaceHistory) statements.DeleteHistory.Execute(step.InstanceId);
        if (step.HistoryChunk is not null) statements.InsertHistory.Execute(step.InstanceId, count - appended, step.HistoryChunk);
        foreach (var id in step.ConsumedMessageIds) statements.DeleteMessage.Execute(id, step.InstanceId);
        foreach (var a in step.Activities) statements.InsertActivity.Execute(a.InstanceId, a.ExecutionId, a.TaskScheduledId, a.Name, a.Input);
        foreach (var created in step.NewInstances)
        {
            if (TryCreate(created) is not { } status) continue;
            if (created.OnConflict is null) throw new InstanceAlreadyExistsException(created.InstanceId, status);
            Enqueue(created.OnConflict);
        }
        foreach (var message in step.Messages) Enqueue(message);

        var terminal = SqliteRows.IsTerminal(step.Values.Status);
        if (terminal || step.ReplaceHistory || appended > 0)
            cache.Written(step.InstanceId, step.LockToken, etag, step.ReplaceHistory, step.NewEvents, keep: !terminal);
        return true;
    }

    public bool AbandonOrchestration(string instanceId, string lockToken)
    {
        statements.AbandonInstance.Execute(instanceId, lockToken);
        return true;
    }

    public DateTimeOffset RenewOrchestration(string instanceId, string lockToken, TimeSpan lockDuration)
    {
        var until = NowTicks + lockDuration.Ticks;
        if (statements.RenewInstance.Execute(instanceId, lockToken, until) == 0) throw new WorkItemLockLostException($"orchestration '{instanceId}'");
        return SqliteRows.Time(until);
    }

    public bool ReleaseOwnLocks()
    {
        var prefix = LockTokens.OwnPrefix(workerId);
        statements.ReleaseInstanceLocks.Execute(prefix, prefix.Length);
        statements.ReleaseActivityLocks.Execute(prefix, prefix.Length);
        return true;
    }
}
