using Serverless.Runtime.Durable.History;

namespace Serverless.Runtime.Storage.Sqlite;

/// <summary>
/// A store in one SQLite file (WAL, synchronous=FULL) that several processes may share: locks are leases (token and
/// expiry) in the rows, and every write re-checks them. Writes from all callers of this object are group-committed by
/// one writer thread; reads use a few separate connections.
/// </summary>
public sealed class SqliteOrchestrationStore : IOrchestrationStore
{
    private readonly SqliteStoreOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly string _workerId;
    private readonly HistoryCache _cache;
    private readonly Lock _startGate = new();
    private Task<Opened>? _started;
    private bool _disposed;

    public SqliteOrchestrationStore(SqliteStoreOptions options, TimeProvider timeProvider, string workerId)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0) throw new ArgumentException($"Invalid SQLite store options: {string.Join(" ", errors)}", nameof(options));
        ArgumentException.ThrowIfNullOrWhiteSpace(workerId);
        _options = options;
        _timeProvider = timeProvider;
        _workerId = workerId;
        _cache = new HistoryCache(options.HistoryCacheInstances);
    }

    public async Task InitializeAsync(CancellationToken cancellationToken = default) => await StartAsync().ConfigureAwait(false);

    public async Task CreateInstanceAsync(NewInstance request, CancellationToken cancellationToken = default)
    {
        var serialized = SerializedNewInstance.From(request);
        await WriteAsync(w => w.CreateInstance(serialized), cancellationToken).ConfigureAwait(false);
    }

    public async Task SendMessageAsync(OrchestrationMessage message, CancellationToken cancellationToken = default)
    {
        var serialized = SerializedMessage.From(message);
        await WriteAsync(w => w.SendMessage(serialized), cancellationToken).ConfigureAwait(false);
    }

    public Task<InstanceRecord?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken = default) =>
        ReadAsync(r => r.GetInstance(instanceId), cancellationToken);

    public Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken = default) =>
        ReadAsync(r => r.GetHistory(instanceId), cancellationToken);

    public Task<InstancePage> QueryInstancesAsync(InstanceQuery query, CancellationToken cancellationToken = default) =>
        ReadAsync(r => r.Query(query), cancellationToken);

    public Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default) =>
        WriteAsync(w => w.PurgeInstance(instanceId), cancellationToken);

    public Task<int> PurgeInstancesAsync(PurgeFilter filter, CancellationToken cancellationToken = default) =>
        WriteAsync(w => w.PurgeInstances(filter), cancellationToken);

    public async Task<IReadOnlyList<OrchestrationWorkItem>> LockOrchestrationWorkItemsAsync(int maxCount, TimeSpan lockDuration, CancellationToken cancellationToken = default)
    {
        if (maxCount <= 0) return [];
        var locked = await LeaseAsync(w => w.LockOrchestrations(maxCount, lockDuration), cancellationToken).ConfigureAwait(false);
        return locked.Count == 0 ? [] : [.. locked.Select(ToWorkItem)];
    }

    public async Task CompleteOrchestrationWorkItemAsync(OrchestrationWorkItem workItem, OrchestrationStepResult result, CancellationToken cancellationToken = default)
    {
        var step = SerializedStep.From(workItem, result);
        await WriteAsync(w => w.CompleteOrchestration(step), cancellationToken).ConfigureAwait(false);
    }

    public Task AbandonOrchestrationWorkItemAsync(OrchestrationWorkItem workItem, CancellationToken cancellationToken = default) =>
        LeaseAsync(w => w.AbandonOrchestration(workItem.Instance.InstanceId, workItem.LockToken), cancellationToken);

    public Task<DateTimeOffset> RenewOrchestrationWorkItemAsync(OrchestrationWorkItem workItem, TimeSpan lockDuration, CancellationToken cancellationToken = default) =>
        LeaseAsync(w => w.RenewOrchestration(workItem.Instance.InstanceId, workItem.LockToken, lockDuration), cancellationToken);

    public async Task<IReadOnlyList<ActivityWorkItem>> LockActivityWorkItemsAsync(int maxCount, TimeSpan lockDuration, CancellationToken cancellationToken = default)
    {
        if (maxCount <= 0) return [];
        return await LeaseAsync(w => w.LockActivities(maxCount, lockDuration), cancellationToken).ConfigureAwait(false);
    }

    public async Task CompleteActivityWorkItemAsync(ActivityWorkItem workItem, OrchestrationMessage result, CancellationToken cancellationToken = default)
    {
        var serialized = SerializedMessage.From(result);
        await WriteAsync(w => w.CompleteActivity(workItem.Message.Id, workItem.LockToken, Describe(workItem), serialized), cancellationToken).ConfigureAwait(false);
    }

    public Task AbandonActivityWorkItemAsync(ActivityWorkItem workItem, CancellationToken cancellationToken = default) =>
        LeaseAsync(w => w.AbandonActivity(workItem.Message.Id, workItem.LockToken), cancellationToken);

    public Task<DateTimeOffset> RenewActivityWorkItemAsync(ActivityWorkItem workItem, TimeSpan lockDuration, CancellationToken cancellationToken = default) =>
        LeaseAsync(w => w.RenewActivity(workItem.Message.Id, workItem.LockToken, Describe(workItem), lockDuration), cancellationToken);

    public Task ReleaseOwnLocksAsync(CancellationToken cancellationToken = default) =>
        LeaseAsync(w => w.ReleaseOwnLocks(), cancellationToken);

    public Task<DateTimeOffset?> GetNextMessageVisibleTimeAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(r => r.NextVisibleTime(_timeProvider.GetUtcNow()), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        Task<Opened>? started;
        lock (_startGate)
        {
            if (_disposed) return;
            _disposed = true;
            started = _started;
        }
        if (started is null) return;
        Opened opened;
        try
        {
            opened = await started.ConfigureAwait(false);
        }
        catch (Exception)
        {
            return;
        }
        await Task.Run(opened.Dispose).ConfigureAwait(false);
    }

    private OrchestrationWorkItem ToWorkItem(LockedInstance locked)
    {
        var history = locked.CachedHistory;
        if (history is null)
        {
            history = [.. HistoryChunk.Read(locked.HistoryChunks!)];
            _cache.Put(locked.Instance.InstanceId, locked.HistoryEtag, locked.LockToken, history);
        }
        var instanceId = locked.Instance.InstanceId;
        return new OrchestrationWorkItem
        {
            Instance = locked.Instance,
            History = history,
            Messages = [.. locked.Messages.Select(m => new OrchestrationMessage
            {
                Id = m.Id,
                InstanceId = instanceId,
                TargetExecutionId = m.TargetExecutionId,
                Event = HistoryJson.Deserialize(m.Payload),
                VisibleAt = SqliteRows.Time(m.VisibleAt),
            })],
            LockToken = locked.LockToken,
            LockedUntil = locked.LockedUntil,
        };
    }

    private static string Describe(ActivityWorkItem workItem) => $"activity '{workItem.Message.Name}' of '{workItem.Message.InstanceId}'";

    private async Task<T> WriteAsync<T>(Func<WriteOperations, T> operation, CancellationToken cancellationToken)
    {
        var opened = await StartAsync().ConfigureAwait(false);
        return await opened.Writer.Run(operation, cancellationToken).ConfigureAwait(false);
    }

    private async Task<T> LeaseAsync<T>(Func<WriteOperations, T> operation, CancellationToken cancellationToken)
    {
        var opened = await StartAsync().ConfigureAwait(false);
        return await opened.Writer.RunLease(operation, cancellationToken).ConfigureAwait(false);
    }

    private async Task<T> ReadAsync<T>(Func<ReadSession, T> read, CancellationToken cancellationToken)
    {
        var opened = await StartAsync().ConfigureAwait(false);
        return await opened.Readers.Run(read, cancellationToken).ConfigureAwait(false);
    }

    private Task<Opened> StartAsync()
    {
        lock (_startGate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_started is null || _started.IsFaulted || _started.IsCanceled)
                _started = Task.Run(() => Opened.Start(_options, _cache, _timeProvider, _workerId));
            return _started;
        }
    }

    /// <summary>The open connections and the writer thread, created on first use (and again if that failed).</summary>
    private sealed class Opened(Microsoft.Data.Sqlite.SqliteConnection writeConnection, SqliteWriter writer, SqliteCheckpointer checkpointer, SqliteReaders readers) : IDisposable
    {
        public SqliteWriter Writer => writer;
        public SqliteReaders Readers => readers;

        public static Opened Start(SqliteStoreOptions options, HistoryCache cache, TimeProvider timeProvider, string workerId)
        {
            var connection = SqliteSchema.Open(options);
            try
            {
                SqliteSchema.Create(connection);
                var operations = new WriteOperations(new WriteStatements(connection), cache, timeProvider, workerId);
                var checkpointer = new SqliteCheckpointer(options);
                return new Opened(connection, new SqliteWriter(operations, checkpointer, options.MaxBatchSize), checkpointer, new SqliteReaders(options));
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }

        public void Dispose()
        {
            writer.Dispose();
            checkpointer.Dispose();
            readers.Dispose();
            writeConnection.Dispose();
        }
    }
}
