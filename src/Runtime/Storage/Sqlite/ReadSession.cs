using System.Text;
using Microsoft.Data.Sqlite;
using Serverless.Runtime.Durable.History;

namespace Serverless.Runtime.Storage.Sqlite;

/// <summary>One read connection and its prepared statements. Reads see the last committed state (WAL snapshot).</summary>
internal sealed class ReadSession(SqliteConnection connection) : IDisposable
{
    private readonly PreparedStatement _instance = new(connection, $"SELECT {SqliteSchema.InstanceColumns} FROM instances WHERE instance_id = $p0", 1);
    private readonly PreparedStatement _history = new(connection, "SELECT payload FROM history WHERE instance_id = $p0 ORDER BY seq", 1);
    private readonly PreparedStatement _nextVisible = new(connection, "SELECT MIN(visible_at) FROM messages WHERE visible_at > $p0", 1);

    public InstanceRecord? GetInstance(string instanceId)
    {
        using var reader = _instance.Query(instanceId);
        return reader.Read() ? SqliteRows.ReadInstance(reader) : null;
    }

    public IReadOnlyList<HistoryEvent> GetHistory(string instanceId)
    {
        var events = new List<HistoryEvent>();
        using var reader = _history.Query(instanceId);
        while (reader.Read()) HistoryChunk.Read(reader.GetString(0), events);
        return events;
    }

    public DateTimeOffset? NextVisibleTime(DateTimeOffset now) =>
        _nextVisible.Scalar(SqliteRows.Ticks(now)) is long ticks ? SqliteRows.Time(ticks) : null;

    public InstancePage Query(InstanceQuery query)
    {
        var after = InstancePageToken.Parse(query.ContinuationToken);
        using var command = connection.CreateCommand();
        var columns = query.FetchInputsAndOutputs
            ? SqliteSchema.InstanceColumns
            : SqliteSchema.InstanceColumns.Replace("input, output, custom_status", "NULL, NULL, custom_status", StringComparison.Ordinal);
        var sql = new StringBuilder($"SELECT {columns} FROM instances WHERE 1 = 1");
        if (query.CreatedFrom is { } from) Add(" AND created_at >= $from", "$from", SqliteRows.Ticks(from));
        if (query.CreatedTo is { } to) Add(" AND created_at <= $to", "$to", SqliteRows.Ticks(to));
        if (query.Statuses is { Count: > 0 } statuses) sql.Append($" AND status IN ({string.Join(", ", statuses.Select(s => (int)s))})");
        if (!string.IsNullOrEmpty(query.InstanceIdPrefix))
            Add(" AND instance_id >= $prefix AND substr(instance_id, 1, length($prefix)) = $prefix", "$prefix", query.InstanceIdPrefix);
        if (query.Names is { Count: > 0 } names)
        {
            var parameters = names.Distinct(StringComparer.Ordinal).Select((name, i) => (Name: $"$name{i}", Value: name)).ToList();
            sql.Append($" AND name IN ({string.Join(", ", parameters.Select(p => p.Name))})");
            foreach (var (parameter, value) in parameters) command.Parameters.AddWithValue(parameter, value);
        }
        if (after is { } token)
        {
            Add($" AND (created_at, instance_id) {(query.NewestFirst ? "<" : ">")} ($afterCreated, $afterId)", "$afterCreated", token.CreatedTicks);
            command.Parameters.AddWithValue("$afterId", token.InstanceId);
        }
        Add(query.NewestFirst ? " ORDER BY created_at DESC, instance_id DESC LIMIT $limit" : " ORDER BY created_at, instance_id LIMIT $limit", "$limit", query.PageSize + 1);
        command.CommandText = sql.ToString();

        var instances = new List<InstanceRecord>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read()) instances.Add(SqliteRows.ReadInstance(reader, fetchInputsAndOutputs: query.FetchInputsAndOutputs));
        }
        if (instances.Count <= query.PageSize) return new InstancePage(instances, null);
        instances.RemoveAt(instances.Count - 1);
        return new InstancePage(instances, InstancePageToken.Format(instances[^1]));

        void Add(string condition, string name, object value)
        {
            sql.Append(condition);
            command.Parameters.AddWithValue(name, value);
        }
    }

    public void Dispose() => connection.Dispose();
}
