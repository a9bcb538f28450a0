using Microsoft.Data.Sqlite;
using Serverless.Runtime.Durable;
using Serverless.Runtime.Durable.History;

namespace Serverless.Runtime.Storage.Sqlite;

/// <summary>Conversions between records and rows.</summary>
internal static class SqliteRows
{
    public static long Ticks(DateTimeOffset time) => time.UtcTicks;

    public static long? Ticks(DateTimeOffset? time) => time?.UtcTicks;

    public static DateTimeOffset Time(long ticks) => new(ticks, TimeSpan.Zero);

    public static bool IsTerminal(long status) => ((OrchestrationRuntimeStatus)status).IsTerminal();

    /// <summary>Reads the <see cref="SqliteSchema.InstanceColumns"/> starting at <paramref name="offset"/>.</summary>
    public static InstanceRecord ReadInstance(SqliteDataReader reader, int offset = 0, bool fetchInputsAndOutputs = true) => new()
    {
        InstanceId = reader.GetString(offset),
        ExecutionId = reader.GetString(offset + 1),
        Name = reader.GetString(offset + 2),
        Status = (OrchestrationRuntimeStatus)reader.GetInt32(offset + 3),
        Input = fetchInputsAndOutputs ? NullableString(reader, offset + 4) : null,
        Output = fetchInputsAndOutputs ? NullableString(reader, offset + 5) : null,
        CustomStatus = NullableString(reader, offset + 6),
        FailureDetails = HistoryJson.DeserializeFailure(NullableString(reader, offset + 7)),
        CreatedAt = Time(reader.GetInt64(offset + 8)),
        LastUpdatedAt = Time(reader.GetInt64(offset + 9)),
        CompletedAt = reader.IsDBNull(offset + 10) ? null : Time(reader.GetInt64(offset + 10)),
        ParentInstanceId = NullableString(reader, offset + 11),
    };

    /// <summary>The values of <see cref="SqliteSchema.InstanceColumns"/> after instance_id, for an UPDATE or INSERT.</summary>
    public static InstanceValues Values(InstanceRecord record) => new(
        record.ExecutionId,
        record.Name,
        (int)record.Status,
        record.Input,
        record.Output,
        record.CustomStatus,
        record.FailureDetails is null ? null : HistoryJson.SerializeFailure(record.FailureDetails),
        Ticks(record.CreatedAt),
        Ticks(record.LastUpdatedAt),
        Ticks(record.CompletedAt),
        record.ParentInstanceId);

    public static string? NullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}

/// <summary>An instance record flattened to column values, computed on the caller's thread before a write is queued.</summary>
internal sealed record InstanceValues(
    string ExecutionId,
    string Name,
    int Status,
    string? Input,
    string? Output,
    string? CustomStatus,
    string? Failure,
    long CreatedAt,
    long UpdatedAt,
    long? CompletedAt,
    string? ParentInstanceId);

/// <summary>A message flattened to column values; serialized before it is queued for the writer.</summary>
internal sealed record SerializedMessage(string InstanceId, string? TargetExecutionId, int EventType, string Payload, long VisibleAt)
{
    public static SerializedMessage From(OrchestrationMessage message) => new(
        message.InstanceId,
        message.TargetExecutionId,
        (int)message.Event.EventType,
        HistoryJson.Serialize(message.Event),
        SqliteRows.Ticks(message.VisibleAt));
}

/// <summary>A new instance flattened for the writer.</summary>
internal sealed record SerializedNewInstance(string InstanceId, InstanceValues Values, SerializedMessage Start, SerializedMessage? OnConflict)
{
    public static SerializedNewInstance From(NewInstance request) => new(
        request.Instance.InstanceId,
        SqliteRows.Values(request.Instance),
        SerializedMessage.From(request.StartMessage with { InstanceId = request.Instance.InstanceId }),
        request.OnConflict is null ? null : SerializedMessage.From(request.OnConflict));
}

/// <summary>A step result flattened and serialized on the caller's thread before it is queued for the writer.</summary>
internal sealed record SerializedStep(
    string InstanceId,
    string LockToken,
    InstanceValues Values,
    bool ReplaceHistory,
    string? HistoryChunk,
    IReadOnlyList<HistoryEvent> NewEvents,
    IReadOnlyList<long> ConsumedMessageIds,
    IReadOnlyList<ActivityMessage> Activities,
    SerializedMessage[] Messages,
    SerializedNewInstance[] NewInstances)
{
    public static SerializedStep From(OrchestrationWorkItem workItem, OrchestrationStepResult result) => new(
        workItem.Instance.InstanceId,
        workItem.LockToken,
        SqliteRows.Values(result.Instance),
        result.ReplaceHistory,
        Sqlite.HistoryChunk.Join(result.NewEvents),
        [.. result.NewEvents],
        result.ConsumedMessageIds,
        result.Activities,
        [.. result.Messages.Select(SerializedMessage.From)],
        [.. result.NewInstances.Select(SerializedNewInstance.From)]);
}
