using Serverless.Runtime.Durable;

namespace Serverless.Runtime.Storage.Sqlite;

/// <summary>
/// The store's writes, each run by the writer thread inside the open transaction. Every one re-checks what it depends
/// on (lock token, status) in SQL, because another process may have written since the caller last looked.
/// </summary>
internal sealed partial class WriteOperations(WriteStatements statements, HistoryCache cache, TimeProvider timeProvider, string workerId)
{
    public WriteStatements Statements => statements;
    public HistoryCache Cache => cache;

    private long NowTicks => timeProvider.GetUtcNow().UtcTicks;

    private static long NewEtag() => Random.Shared.NextInt64(1, long.MaxValue);

    /// <summary>Creates the instance, replacing a finished one; returns the status of the unfinished instance in the way, if any.</summary>
    private OrchestrationRuntimeStatus? TryCreate(SerializedNewInstance request)
    {
        if (statements.InstanceStatus.Scalar(request.InstanceId) is long status)
        {
            if (!SqliteRows.IsTerminal(status)) return (OrchestrationRuntimeStatus)status;
            DeleteInstanceData(request.InstanceId);
        }

        var v = request.Values;
        statements.InsertInstance.Execute(request.InstanceId, v.ExecutionId, v.Name, v.Status, v.Input, v.Output, v.CustomStatus, v.Failure,
            v.CreatedAt, v.UpdatedAt, v.CompletedAt, v.ParentInstanceId, NewEtag());
        Enqueue(request.Start);
        return null;
    }

    private void DeleteInstanceData(string instanceId)
    {
        statements.DeleteHistory.Execute(instanceId);
        statements.DeleteInbox.Execute(instanceId);
        statements.DeleteInstance.Execute(instanceId);
    }

    private void Enqueue(SerializedMessage message) =>
        statements.InsertMessage.Execute(message.InstanceId, message.TargetExecutionId, message.EventType, message.Payload, message.VisibleAt);
}
