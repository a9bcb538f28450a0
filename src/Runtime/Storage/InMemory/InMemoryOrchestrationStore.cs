using Serverless.Runtime.Durable;
using Serverless.Runtime.Durable.History;

namespace Serverless.Runtime.Storage.InMemory;

/// <summary>
/// A store held in this process's memory: fast and exact, for tests and single-process experiments. Failures come back
/// as faulted tasks, as they would from a store that does I/O.
/// </summary>
public sealed class InMemoryOrchestrationStore : IOrchestrationStore
{
    private readonly Data _data;
    private readonly TimeProvider _timeProvider;
    private readonly string _workerId;

    public InMemoryOrchestrationStore(TimeProvider timeProvider, string workerId)
        : this(new Data(), timeProvider, workerId)
    {
    }

    private InMemoryOrchestrationStore(Data data, TimeProvider timeProvider, string workerId)
    {
        _data = data;
        _timeProvider = timeProvider;
        _workerId = workerId;
    }

    /// <summary>Another store on the same data, as a second process sharing a database would be.</summary>
    internal InMemoryOrchestrationStore ForWorker(string otherWorkerId) => new(_data, _timeProvider, otherWorkerId);

    public Task InitializeAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task CreateInstanceAsync(NewInstance request, CancellationToken cancellationToken = default)
    {
        return Locked(() =>
        {
            if (Conflicts(request) is { } existing)
            {
                if (request.OnConflict is null) throw new InstanceAlreadyExistsException(existing.InstanceId, existing.Status);
                Enqueue(request.OnConflict);
            }
            else
            {
                Create(request);
            }
        });
    }

    public Task SendMessageAsync(OrchestrationMessage message, CancellationToken cancellationToken = default)
    {
        return Locked(() =>
        {
            if (!_data.Instances.TryGetValue(message.InstanceId, out var state)) throw new InstanceNotFoundException(message.InstanceId);
            if (state.Record.Status.IsTerminal()) throw new InstanceFinishedException(message.InstanceId, state.Record.Status);
            Enqueue(message);
        });
    }

    public Task<InstanceRecord?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        lock (_data.Gate) return Task.FromResult(_data.Instances.TryGetValue(instanceId, out var state) ? state.Record : null);
    }

    public Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        lock (_data.Gate)
        {
            IReadOnlyList<HistoryEvent> history = _data.Instances.TryGetValue(instanceId, out var state) ? [.. state.History] : [];
            return Task.FromResult(history);
        }
    }

    public Task<InstancePage> QueryInstancesAsync(InstanceQuery query, CancellationToken cancellationToken = default)
    {
        return Locked(() =>
        {
            var after = InstancePageToken.Parse(query.ContinuationToken);
            var candidates = _data.Instances.Values
                .Select(s => s.Record)
                .Where(r => InstanceFilters.Matches(r, query))
                .Where(r => after is not { } token || (query.NewestFirst ? InstancePageToken.IsBefore(r, token) : InstancePageToken.IsAfter(r, token)));
            var ordered = query.NewestFirst
                ? candidates.OrderByDescending(r => r.CreatedAt.UtcTicks).ThenByDescending(r => r.InstanceId, StringComparer.Ordinal)
                : candidates.OrderBy(r => r.CreatedAt.UtcTicks).ThenBy(r => r.InstanceId, StringComparer.Ordinal);
            var matches = ordered.Take(query.PageSize + 1).ToList();
            var more = matches.Count > query.PageSize;
            if (more) matches.RemoveAt(matches.Count - 1);
            var page = matches.Select(r => query.FetchInputsAndOutputs ? r : r with { Input = null, Output = null }).ToList();
            var token = more ? InstancePageToken.Format(matches[^1]) : null;
            return new InstancePage(page, token);
        });
    }

    public Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        lock (_data.Gate)
        {
            var purged = _data.Instances.TryGetValue(instanceId, out var state) && state.Record.Status.IsTerminal() && _data.Instances.Remove(instanceId);
            return Task.FromResult(purged);
        }
    }

    public Task<int> PurgeInstancesAsync(PurgeFilter filter, CancellationToken cancellationToken = default)
    {
        lock (_data.Gate)
        {
            var ids = _data.Instances.Values.Where(s => InstanceFilters.Matches(s.Record, filter)).Select(s => s.Record.InstanceId).ToList();
            foreach (var id in ids) _data.Instances.Remove(id);
            return Task.FromResult(ids.Count);
        }
    }

    public Task<IReadOnlyList<OrchestrationWorkItem>> LockOrchestrationWorkItemsAsync(int maxCount, TimeSpan lockDuration, CancellationToken cancellationToken = default)
    {
        lock (_data.Gate)
        {
            var now = _timeProvider.GetUtcNow();
            var until = now + lockDuration;
            var ready = new List<(InstanceState State, List<OrchestrationMessage> Messages)>();
            foreach (var state in _data.Instances.Values)
            {
                if (state.Inbox.Count == 0 || IsLocked(state.LockToken, state.LockedUntil, now)) continue;
                var messages = Deliverable(state, now);
                if (messages.Count > 0) ready.Add((state, messages));
            }

            IReadOnlyList<OrchestrationWorkItem> items = [.. ready
                .OrderBy(r => r.Messages[0].Id)
                .Take(maxCount)
                .Select(r =>
                {
                    r.State.LockToken = NewLockToken();
                    r.State.LockedUntil = until;
                    return new OrchestrationWorkItem
                    {
                        Instance = r.State.Record,
                        History = [.. r.State.History],
                        Messages = r.Messages,
                        LockToken = r.State.LockToken,
                        LockedUntil = until,
                    };
                })];
            return Task.FromResult(items);
        }
    }

    public Task CompleteOrchestrationWorkItemAsync(OrchestrationWorkItem workItem, OrchestrationStepResult result, CancellationToken cancellationToken = default)
    {
        return Locked(() =>
        {
            var state = HeldInstance(workItem);
            foreach (var created in result.NewInstances)
            {
                if (created.OnConflict is null && Conflicts(created) is { } existing)
                    throw new InstanceAlreadyExistsException(existing.InstanceId, existing.Status);
            }

            if (result.ReplaceHistory) state.History.Clear();
            state.History.AddRange(result.NewEvents);
            state.Record = result.Instance with { InstanceId = state.Record.InstanceId };
            var consumed = result.ConsumedMessageIds.ToHashSet();
            state.Inbox.RemoveAll(m => consumed.Contains(m.Id));
            state.LockToken = null;

            foreach (var activity in result.Activities)
            {
                var id = ++_data.LastActivityId;
                _data.Activities.Add(id, new ActivityState(activity with { Id = id }));
            }
            foreach (var created in result.NewInstances)
            {
                if (Conflicts(created) is null) Create(created);
                else if (created.OnConflict is { } onConflict) Enqueue(onConflict);
            }
            foreach (var message in result.Messages) Enqueue(message);
        });
    }

    public Task AbandonOrchestrationWorkItemAsync(OrchestrationWorkItem workItem, CancellationToken cancellationToken = default)
    {
        lock (_data.Gate)
        {
            if (_data.Instances.TryGetValue(workItem.Instance.InstanceId, out var state) && state.LockToken == workItem.LockToken)
                state.LockToken = null;
        }
        return Task.CompletedTask;
    }

    public Task<DateTimeOffset> RenewOrchestrationWorkItemAsync(OrchestrationWorkItem workItem, TimeSpan lockDuration, CancellationToken cancellationToken = default)
    {
        return Locked(() =>
        {
            var state = HeldInstance(workItem);
            state.LockedUntil = _timeProvider.GetUtcNow() + lockDuration;
            return state.LockedUntil;
        });
    }

    public Task<IReadOnlyList<ActivityWorkItem>> LockActivityWorkItemsAsync(int maxCount, TimeSpan lockDuration, CancellationToken cancellationToken = default)
    {
        lock (_data.Gate)
        {
            var now = _timeProvider.GetUtcNow();
            var until = now + lockDuration;
            var items = new List<ActivityWorkItem>();
            foreach (var activity in _data.Activities.Values)
            {
                if (items.Count >= maxCount) break;
                if (IsLocked(activity.LockToken, activity.LockedUntil, now)) continue;
                activity.LockToken = NewLockToken();
                activity.LockedUntil = until;
                activity.DequeueCount++;
                items.Add(new ActivityWorkItem { Message = activity.Message, LockToken = activity.LockToken, LockedUntil = until, DequeueCount = activity.DequeueCount });
            }
            return Task.FromResult<IReadOnlyList<ActivityWorkItem>>(items);
        }
    }

    public Task CompleteActivityWorkItemAsync(ActivityWorkItem workItem, OrchestrationMessage result, CancellationToken cancellationToken = default)
    {
        return Locked(() =>
        {
            HeldActivity(workItem);
            _data.Activities.Remove(workItem.Message.Id);
            Enqueue(result);
        });
    }

    public Task AbandonActivityWorkItemAsync(ActivityWorkItem workItem, CancellationToken cancellationToken = default)
    {
        lock (_data.Gate)
        {
            if (_data.Activities.TryGetValue(workItem.Message.Id, out var activity) && activity.LockToken == workItem.LockToken)
                activity.LockToken = null;
        }
        return Task.CompletedTask;
    }

    public Task<DateTimeOffset> RenewActivityWorkItemAsync(ActivityWorkItem workItem, TimeSpan lockDuration, CancellationToken cancellationToken = default)
    {
        return Locked(() =>
        {
            var activity = HeldActivity(workItem);
            activity.LockedUntil = _timeProvider.GetUtcNow() + lockDuration;
            return activity.LockedUntil;
        });
    }

    public Task ReleaseOwnLocksAsync(CancellationToken cancellationToken = default)
    {
        var prefix = LockTokens.OwnPrefix(_workerId);
        lock (_data.Gate)
        {
            foreach (var state in _data.Instances.Values)
                if (state.LockToken?.StartsWith(prefix, StringComparison.Ordinal) == true) state.LockToken = null;
            foreach (var activity in _data.Activities.Values)
                if (activity.LockToken?.StartsWith(prefix, StringComparison.Ordinal) == true) activity.LockToken = null;
        }
        return Task.CompletedTask;
    }

    public Task<DateTimeOffset?> GetNextMessageVisibleTimeAsync(CancellationToken cancellationToken = default)
    {
        lock (_data.Gate)
        {
            var now = _timeProvider.GetUtcNow();
            DateTimeOffset? next = null;
            foreach (var state in _data.Instances.Values)
                foreach (var message in state.Inbox)
                    if (message.VisibleAt > now && (next is null || message.VisibleAt < next)) next = message.VisibleAt;
            return Task.FromResult(next);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    // Failures come back as faulted tasks, as a store doing real I/O would return them, never as synchronous throws.
    private Task Locked(Action work)
    {
        try
        {
            lock (_data.Gate) work();
            return Task.CompletedTask;
        }
        catch (Exception ex)
        {
            return Task.FromException(ex);
        }
    }

    private Task<T> Locked<T>(Func<T> work)
    {
        try
        {
            lock (_data.Gate) return Task.FromResult(work());
        }
        catch (Exception ex)
        {
            return Task.FromException<T>(ex);
        }
    }

    private static bool IsLocked(string? token, DateTimeOffset until, DateTimeOffset now) => token is not null && until > now;

    private static List<OrchestrationMessage> Deliverable(InstanceState state, DateTimeOffset now)
    {
        var visible = state.Inbox.Where(m => m.VisibleAt <= now);
        return state.Record.Status switch
        {
            OrchestrationRuntimeStatus.Pending when !visible.Any(m => DeliveryRules.IsDeliverableBeforeStart(m.Event)) => [],
            OrchestrationRuntimeStatus.Suspended => [.. visible.Where(m => DeliveryRules.IsDeliverableWhileSuspended(m.Event))],
            _ => [.. visible],
        };
    }

    private InstanceRecord? Conflicts(NewInstance request) =>
        _data.Instances.TryGetValue(request.Instance.InstanceId, out var existing) && !existing.Record.Status.IsTerminal() ? existing.Record : null;

    private void Create(NewInstance request)
    {
        _data.Instances[request.Instance.InstanceId] = new InstanceState(request.Instance);
        Enqueue(request.StartMessage with { InstanceId = request.Instance.InstanceId });
    }

    private void Enqueue(OrchestrationMessage message)
    {
        if (!_data.Instances.TryGetValue(message.InstanceId, out var state)) return;
        state.Inbox.Add(message with { Id = ++_data.LastMessageId });
    }

    private InstanceState HeldInstance(OrchestrationWorkItem workItem) =>
        _data.Instances.TryGetValue(workItem.Instance.InstanceId, out var state) && state.LockToken == workItem.LockToken
            ? state
            : throw new WorkItemLockLostException($"orchestration '{workItem.Instance.InstanceId}'");

    private ActivityState HeldActivity(ActivityWorkItem workItem) =>
        _data.Activities.TryGetValue(workItem.Message.Id, out var activity) && activity.LockToken == workItem.LockToken
            ? activity
            : throw new WorkItemLockLostException($"activity '{workItem.Message.Name}' of '{workItem.Message.InstanceId}'");

    private string NewLockToken() => LockTokens.New(_workerId);

    private sealed class Data
    {
        public Lock Gate { get; } = new();
        public Dictionary<string, InstanceState> Instances { get; } = new(StringComparer.Ordinal);
        public SortedDictionary<long, ActivityState> Activities { get; } = [];
        public long LastMessageId;
        public long LastActivityId;
    }

    private sealed class InstanceState(InstanceRecord record)
    {
        public InstanceRecord Record { get; set; } = record;
        public List<HistoryEvent> History { get; } = [];
        public List<OrchestrationMessage> Inbox { get; } = [];
        public string? LockToken { get; set; }
        public DateTimeOffset LockedUntil { get; set; }
    }

    private sealed class ActivityState(ActivityMessage message)
    {
        public ActivityMessage Message { get; } = message;
        public string? LockToken { get; set; }
        public DateTimeOffset LockedUntil { get; set; }
        public int DequeueCount { get; set; }
    }
}
