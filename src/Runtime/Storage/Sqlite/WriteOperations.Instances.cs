using Microsoft.Data.Sqlite;
using Serverless.Runtime.Durable;

namespace Serverless.Runtime.Storage.Sqlite;

internal sealed partial class WriteOperations
{
    public bool CreateInstance(SerializedNewInstance request)
    {
        if (TryCreate(request) is not { } status) return true;
        if (request.OnConflict is null) throw new InstanceAlreadyExistsException(request.InstanceId, status);
        Enqueue(request.OnConflict);
        return true;
    }

    public bool SendMessage(SerializedMessage message)
    {
        if (statements.InstanceStatus.Scalar(message.InstanceId) is not long status) throw new InstanceNotFoundException(message.InstanceId);
        if (SqliteRows.IsTerminal(status)) throw new InstanceFinishedException(message.InstanceId, (OrchestrationRuntimeStatus)status);
        Enqueue(message);
        return true;
    }

    public bool PurgeInstance(string instanceId)
    {
        if (statements.DeleteFinishedInstance.Execute(instanceId) == 0) return false;
        statements.DeleteHistory.Execute(instanceId);
        statements.DeleteInbox.Execute(instanceId);
        return true;
    }

    public int PurgeInstances(PurgeFilter filter)
    {
        var statuses = (filter.Statuses is { Count: > 0 } chosen ? chosen : Enum.GetValues<OrchestrationRuntimeStatus>()).Where(s => s.IsTerminal()).Select(s => (int)s).ToList();
        if (statuses.Count == 0) return 0;
        using var command = statements.Connection.CreateCommand();
        var sql = $"DELETE FROM instances WHERE status IN ({string.Join(", ", statuses)})";
        if (filter.CreatedFrom is { } from) sql += Condition(command, " AND created_at >= $from", "$from", SqliteRows.Ticks(from));
        if (filter.CreatedTo is { } to) sql += Condition(command, " AND created_at <= $to", "$to", SqliteRows.Ticks(to));
        if (filter.CompletedBefore is { } before) sql += Condition(command, " AND completed_at <= $before", "$before", SqliteRows.Ticks(before));
        command.CommandText = sql + " RETURNING instance_id";
        var purged = new List<string>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read()) purged.Add(reader.GetString(0));
        }
        foreach (var instanceId in purged)
        {
            statements.DeleteHistory.Execute(instanceId);
            statements.DeleteInbox.Execute(instanceId);
        }
        return purged.Count;
    }

    private static string Condition(SqliteCommand command, string sql, string name, long value)
    {
        command.Parameters.AddWithValue(name, value);
        return sql;
    }
}
