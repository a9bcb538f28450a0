namespace Serverless.Runtime.Storage.Sqlite;

/// <summary>Settings of <see cref="SqliteOrchestrationStore"/>. Several processes may open the same file.</summary>
public sealed class SqliteStoreOptions
{
    public const int DefaultMaxBatchSize = 512;
    public const int DefaultReadConnections = 4;
    public const int DefaultHistoryCacheInstances = 10_000;
    public static readonly TimeSpan DefaultBusyTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Path of the database file; created when missing.</summary>
    public required string DataSource { get; init; }

    /// <summary>Most writes (completions, lock acquisitions, messages) committed together in one transaction.</summary>
    public int MaxBatchSize { get; init; } = DefaultMaxBatchSize;

    /// <summary>Connections used for reads (queries, history); writes go through one connection.</summary>
    public int ReadConnections { get; init; } = DefaultReadConnections;

    /// <summary>How long a statement waits for another process's write lock before failing.</summary>
    public TimeSpan BusyTimeout { get; init; } = DefaultBusyTimeout;

    /// <summary>Instances whose history is kept in memory so a step that only appends does not re-read it; 0 disables.</summary>
    public int HistoryCacheInstances { get; init; } = DefaultHistoryCacheInstances;

    /// <summary>Every invalid setting, in one message; empty when all are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(DataSource)) errors.Add("DataSource must name a database file.");
        if (MaxBatchSize < 1) errors.Add($"MaxBatchSize must be at least 1 (was {MaxBatchSize}).");
        if (ReadConnections < 1) errors.Add($"ReadConnections must be at least 1 (was {ReadConnections}).");
        if (BusyTimeout < TimeSpan.Zero) errors.Add($"BusyTimeout must not be negative (was {BusyTimeout}).");
        if (HistoryCacheInstances < 0) errors.Add($"HistoryCacheInstances must not be negative (was {HistoryCacheInstances}).");
        return errors;
    }
}
