using Serverless.Runtime.Durable.History;
using Serverless.Runtime.Durable.Worker;
using Serverless.Runtime.Storage;

namespace Serverless.Runtime.Durable;

/// <summary>The client over an <see cref="IOrchestrationStore"/>; local writes wake this process's dispatchers at once.</summary>
internal sealed class StoreDurableTaskClient(
    IOrchestrationStore store,
    DurableTaskRegistry registry,
    DataConverter converter,
    EngineSignals signals,
    DurableTaskEngineOptions options,
    TimeProvider timeProvider) : DurableTaskClient
{
    public override async Task<string> ScheduleNewOrchestrationInstanceAsync(string orchestratorName, object? input = null, StartOrchestrationOptions? startOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orchestratorName);
        if (!registry.HasOrchestrator(orchestratorName))
            throw new FunctionNotFoundException("orchestrator", orchestratorName, registry.OrchestratorNames);
        var instanceId = startOptions?.InstanceId ?? Guid.NewGuid().ToString("N");
        InstanceIds.Validate(instanceId);
        var serialized = converter.Serialize(input, $"The input of orchestration '{orchestratorName}'");
        await CreateAsync(instanceId, orchestratorName, serialized, startOptions?.StartAt, cancellationToken);
        return instanceId;
    }

    private async Task CreateAsync(string instanceId, string name, string? serializedInput, DateTimeOffset? startAt, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var executionId = Guid.NewGuid().ToString("N");
        var visibleAt = startAt is { } at && at > now ? at : now;
        await store.CreateInstanceAsync(new NewInstance(
            new InstanceRecord
            {
                InstanceId = instanceId,
                ExecutionId = executionId,
                Name = name,
                Status = OrchestrationRuntimeStatus.Pending,
                Input = serializedInput,
                CreatedAt = now,
                LastUpdatedAt = now,
            },
            new OrchestrationMessage
            {
                InstanceId = instanceId,
                TargetExecutionId = executionId,
                Event = new ExecutionStartedEvent(name, executionId, serializedInput) { Timestamp = now },
                VisibleAt = visibleAt,
            }), cancellationToken);
        if (visibleAt > now) signals.Orchestrations.SetAt(visibleAt);
        else signals.Orchestrations.Set();
    }

    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        var serialized = converter.Serialize(eventPayload, $"The payload of event '{eventName}'");
        return SendAsync(instanceId, new EventRaisedEvent(eventName, serialized), cancellationToken);
    }

    public override Task TerminateInstanceAsync(string instanceId, object? output = null, CancellationToken cancellationToken = default) =>
        SendAsync(instanceId, new ExecutionTerminatedEvent(converter.Serialize(output, "The termination output")), cancellationToken);

    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default) =>
        SendAsync(instanceId, new ExecutionSuspendedEvent(reason), cancellationToken);

    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default) =>
        SendAsync(instanceId, new ExecutionResumedEvent(reason), cancellationToken);

    private async Task SendAsync(string instanceId, HistoryEvent message, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        var now = timeProvider.GetUtcNow();
        await store.SendMessageAsync(new OrchestrationMessage { InstanceId = instanceId, Event = message with { Timestamp = now }, VisibleAt = now }, cancellationToken);
        signals.Orchestrations.Set();
    }

    public override async Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default)
    {
        var record = await store.GetInstanceAsync(instanceId, cancellationToken);
        return record is null ? null : ToMetadata(record, getInputsAndOutputs);
    }

    public override async Task<OrchestrationPage> GetInstancesPageAsync(OrchestrationQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new OrchestrationQuery();
        var page = await store.QueryInstancesAsync(new InstanceQuery
        {
            CreatedFrom = query.CreatedFrom,
            CreatedTo = query.CreatedTo,
            Statuses = query.Statuses,
            InstanceIdPrefix = query.InstanceIdPrefix,
            Names = query.Names,
            PageSize = Math.Clamp(query.PageSize, 1, 1000),
            ContinuationToken = query.ContinuationToken,
            FetchInputsAndOutputs = query.FetchInputsAndOutputs,
            NewestFirst = query.NewestFirst,
        }, cancellationToken);
        return new OrchestrationPage([.. page.Instances.Select(r => ToMetadata(r, query.FetchInputsAndOutputs))], page.ContinuationToken);
    }

    public override Task<IReadOnlyList<HistoryEvent>> GetOrchestrationHistoryAsync(string instanceId, CancellationToken cancellationToken = default) =>
        store.GetHistoryAsync(instanceId, cancellationToken);

    public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default) =>
        WaitUntilAsync(instanceId, getInputsAndOutputs, status => status != OrchestrationRuntimeStatus.Pending, cancellationToken);

    public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default) =>
        WaitUntilAsync(instanceId, getInputsAndOutputs, status => status.IsTerminal(), cancellationToken);

    private async Task<OrchestrationMetadata> WaitUntilAsync(string instanceId, bool getInputsAndOutputs, Func<OrchestrationRuntimeStatus, bool> done, CancellationToken cancellationToken)
    {
        var poll = TimeSpan.FromMilliseconds(50);
        while (true)
        {
            var changed = signals.NextChangeOf(instanceId);
            var record = await store.GetInstanceAsync(instanceId, cancellationToken) ?? throw new InstanceNotFoundException(instanceId);
            if (done(record.Status)) return ToMetadata(record, getInputsAndOutputs);
            // Local changes wake us at once; polling covers changes made by other processes sharing the store.
            await Task.WhenAny(changed, Task.Delay(poll, timeProvider, cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
            poll = TimeSpan.FromTicks(Math.Min(poll.Ticks * 2, options.MaxPollingInterval.Ticks));
        }
    }

    public override async Task<string> RestartAsync(string instanceId, bool restartWithNewInstanceId = false, CancellationToken cancellationToken = default)
    {
        var record = await store.GetInstanceAsync(instanceId, cancellationToken) ?? throw new InstanceNotFoundException(instanceId);
        if (!registry.HasOrchestrator(record.Name))
            throw new FunctionNotFoundException("orchestrator", record.Name, registry.OrchestratorNames);
        var originalInput = (await store.GetHistoryAsync(instanceId, cancellationToken)).OfType<ExecutionStartedEvent>().FirstOrDefault()?.Input ?? record.Input;
        var newId = restartWithNewInstanceId ? Guid.NewGuid().ToString("N") : instanceId;
        await CreateAsync(newId, record.Name, originalInput, null, cancellationToken);
        return newId;
    }

    public override async Task<PurgeResult> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default) =>
        new(await store.PurgeInstanceAsync(instanceId, cancellationToken) ? 1 : 0);

    public override async Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, CancellationToken cancellationToken = default) =>
        new(await store.PurgeInstancesAsync(new PurgeFilter { CreatedFrom = filter.CreatedFrom, CreatedTo = filter.CreatedTo, Statuses = filter.Statuses }, cancellationToken));

    private OrchestrationMetadata ToMetadata(InstanceRecord record, bool withPayloads) => new(record.Name, record.InstanceId)
    {
        RuntimeStatus = record.Status,
        CreatedAt = record.CreatedAt,
        LastUpdatedAt = record.LastUpdatedAt,
        SerializedInput = withPayloads ? record.Input : null,
        SerializedOutput = withPayloads ? record.Output : null,
        SerializedCustomStatus = record.CustomStatus,
        FailureDetails = record.FailureDetails,
        Converter = converter,
    };
}
