using Serverless.Runtime.Durable.History;

namespace Serverless.Runtime.Storage.Sqlite;

/// <summary>
/// What the writer hands back for one locked instance. JSON is left for the caller's thread to parse, so the single
/// writer thread spends its time in SQLite.
/// </summary>
internal sealed record LockedInstance(
    InstanceRecord Instance,
    string LockToken,
    DateTimeOffset LockedUntil,
    List<RawMessage> Messages,
    HistoryEvent[]? CachedHistory,
    List<string>? HistoryChunks,
    long HistoryEtag);

internal sealed record RawMessage(long Id, string? TargetExecutionId, string Payload, long VisibleAt);
