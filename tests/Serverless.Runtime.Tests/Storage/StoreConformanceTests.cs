using Serverless.Runtime.Durable;
using Serverless.Runtime.Durable.History;
using Serverless.Runtime.Storage;
using Serverless.Runtime.Tests.Support;
using Serverless.Testing.Time;

namespace Serverless.Runtime.Tests.Storage;

/// <summary>
/// What every <see cref="IOrchestrationStore"/> must do, as IOrchestrationStore's documentation states it. A derived
/// class per store supplies fresh, empty stores; xunit builds a new instance (so a new store) for every test.
/// </summary>
public abstract partial class StoreConformanceTests : IAsyncLifetime
{
    protected static readonly TimeSpan LockFor = TimeSpan.FromSeconds(30);
    private readonly List<IOrchestrationStore> _stores = [];

    protected ManualTimeProvider Clock { get; } = new();
    protected IOrchestrationStore Store { get; private set; } = null!;
    protected DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>A new, empty store.</summary>
    protected abstract IOrchestrationStore CreateStore(ManualTimeProvider clock, string workerId);

    /// <summary>Another store on the data of the one <see cref="CreateStore"/> made, as a second process would open it.</summary>
    protected abstract IOrchestrationStore CreateStoreOnSameData(ManualTimeProvider clock, string workerId);

    public async Task InitializeAsync() => Store = await Track(CreateStore(Clock, "worker-a"));

    public virtual async Task DisposeAsync()
    {
        foreach (var store in _stores) await store.DisposeAsync();
    }

    protected Task<IOrchestrationStore> OpenSecondWorker(string workerId = "worker-b") => Track(CreateStoreOnSameData(Clock, workerId));

    private async Task<IOrchestrationStore> Track(IOrchestrationStore store)
    {
        _stores.Add(store);
        await store.InitializeAsync();
        return store;
    }

    protected NewInstance NewInstance(string instanceId, string? input = "\"in\"", DateTimeOffset? startAt = null, string? parent = null)
    {
        var executionId = $"{instanceId}-exec";
        return new NewInstance(
            new InstanceRecord
            {
                InstanceId = instanceId,
                ExecutionId = executionId,
                Name = "Orchestration",
                Status = OrchestrationRuntimeStatus.Pending,
                Input = input,
                CreatedAt = Now,
                LastUpdatedAt = Now,
                ParentInstanceId = parent,
            },
            Message(instanceId, new ExecutionStartedEvent("Orchestration", executionId, input) { Timestamp = Now }, startAt, executionId));
    }

    protected OrchestrationMessage Message(string instanceId, HistoryEvent historyEvent, DateTimeOffset? visibleAt = null, string? targetExecutionId = null) =>
        new() { InstanceId = instanceId, Event = historyEvent, VisibleAt = visibleAt ?? Now, TargetExecutionId = targetExecutionId };

    protected OrchestrationMessage Raised(string instanceId, string name, DateTimeOffset? visibleAt = null) =>
        Message(instanceId, new EventRaisedEvent(name, $"\"{name}-data\"") { Timestamp = Now }, visibleAt);

    protected async Task CreateAsync(params string[] instanceIds)
    {
        foreach (var id in instanceIds) await Store.CreateInstanceAsync(NewInstance(id));
    }

    protected async Task<OrchestrationWorkItem> LockOneAsync(IOrchestrationStore? store = null)
    {
        var items = await (store ?? Store).LockOrchestrationWorkItemsAsync(10, LockFor);
        return Assert.Single(items);
    }

    protected async Task AssertNoOrchestrationWorkAsync(IOrchestrationStore? store = null) =>
        Assert.Empty(await (store ?? Store).LockOrchestrationWorkItemsAsync(10, LockFor));

    protected async Task<ActivityWorkItem> LockOneActivityAsync(IOrchestrationStore? store = null)
    {
        var items = await (store ?? Store).LockActivityWorkItemsAsync(10, LockFor);
        return Assert.Single(items);
    }

    /// <summary>A step that consumes every delivered message, appends <paramref name="events"/> and sets the status.</summary>
    protected OrchestrationStepResult Step(OrchestrationWorkItem item, OrchestrationRuntimeStatus status, params HistoryEvent[] events) => new()
    {
        NewEvents = events,
        Instance = item.Instance with
        {
            Status = status,
            LastUpdatedAt = Now,
            CompletedAt = status.IsTerminal() ? Now : null,
        },
        ConsumedMessageIds = [.. item.Messages.Select(m => m.Id)],
    };

    /// <summary>Runs the first step of a freshly created instance: consumes its start and leaves it Running.</summary>
    protected async Task<OrchestrationWorkItem> StartRunningAsync(string instanceId)
    {
        await Store.CreateInstanceAsync(NewInstance(instanceId));
        var item = await LockOneAsync();
        await Store.CompleteOrchestrationWorkItemAsync(item, Step(item, OrchestrationRuntimeStatus.Running, Started(), Started(item)));
        return item;
    }

    protected async Task FinishAsync(string instanceId, OrchestrationRuntimeStatus status = OrchestrationRuntimeStatus.Completed)
    {
        await Store.CreateInstanceAsync(NewInstance(instanceId));
        var item = await LockOneAsync();
        await Store.CompleteOrchestrationWorkItemAsync(item, Step(item, status, Started(), Started(item),
            new ExecutionCompletedEvent(status, "\"out\"") { Timestamp = Now }));
    }

    protected OrchestratorStartedEvent Started() => new() { Timestamp = Now };

    protected static HistoryEvent Started(OrchestrationWorkItem item) =>
        item.Messages.Select(m => m.Event).OfType<ExecutionStartedEvent>().First();

    protected static ActivityMessage Activity(OrchestrationWorkItem item, int taskId, string name = "Act") => new()
    {
        InstanceId = item.Instance.InstanceId,
        ExecutionId = item.Instance.ExecutionId,
        TaskScheduledId = taskId,
        Name = name,
        Input = $"\"{name}-{taskId}\"",
    };

    protected OrchestrationMessage ActivityResult(ActivityWorkItem item, string result = "\"done\"") => new()
    {
        InstanceId = item.Message.InstanceId,
        TargetExecutionId = item.Message.ExecutionId,
        Event = new TaskCompletedEvent(item.Message.TaskScheduledId, result) { Timestamp = Now },
        VisibleAt = Now,
    };
}
