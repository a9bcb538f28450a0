using Microsoft.Extensions.Logging;

namespace Serverless.Runtime.Durable.Replay;

/// <summary>
/// The context an orchestrator runs against during one replay. It numbers what the code schedules, matches it against
/// history (<see cref="OrchestrationReplayer"/> feeds the events), and collects what is new.
/// </summary>
internal sealed partial class ReplayOrchestrationContext(
    string name,
    string instanceId,
    ParentOrchestrationInstance? parent,
    string? serializedInput,
    DataConverter converter,
    ILoggerFactory loggerFactory) : TaskOrchestrationContext
{
    private readonly SortedDictionary<int, OrchestratorAction> _unmatchedActions = [];
    private readonly Dictionary<int, IOpenTask> _openTasks = [];
    private int _nextSequenceNumber;
    private int _guidCounter;

    public override string Name => name;
    public override string InstanceId => instanceId;
    public override ParentOrchestrationInstance? Parent => parent;
    public override DateTime CurrentUtcDateTime => CurrentTime.UtcDateTime;
    public override bool IsReplaying => Replaying;
    protected override ILoggerFactory LoggerFactory => loggerFactory;

    internal DateTimeOffset CurrentTime { get; set; }
    internal bool Replaying { get; set; }
    internal string? SerializedCustomStatus { get; private set; }
    internal ContinueAsNewRequest? ContinueAsNewRequest { get; private set; }
    internal DataConverter Converter => converter;

    /// <summary>Actions the code took that history does not record yet, in sequence order.</summary>
    internal IReadOnlyList<OrchestratorAction> NewActions => [.. _unmatchedActions.Values];

    public override T? GetInput<T>() where T : default => converter.Deserialize<T>(serializedInput);

    public override Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, TaskOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var serialized = converter.Serialize(input, $"The input of activity '{name}'");
        return WithRetries(options, () => Schedule<TResult>(new OrchestratorAction(_nextSequenceNumber++, ActionKind.CallActivity, name, serialized)));
    }

    public override Task<TResult> CallSubOrchestratorAsync<TResult>(string orchestratorName, object? input = null, TaskOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orchestratorName);
        var serialized = converter.Serialize(input, $"The input of sub-orchestrator '{orchestratorName}'");
        var requestedId = (options as SubOrchestrationOptions)?.InstanceId;
        return WithRetries(options, () =>
        {
            var childId = requestedId ?? NewGuid().ToString("N");
            return Schedule<TResult>(new OrchestratorAction(_nextSequenceNumber++, ActionKind.CallSubOrchestrator, orchestratorName, serialized) { TargetInstanceId = childId });
        });
    }

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        // Orchestrations live in UTC: a DateTime without a kind is read as UTC, not as this machine's local time.
        var utc = fireAt.Kind == DateTimeKind.Local ? fireAt.ToUniversalTime() : DateTime.SpecifyKind(fireAt, DateTimeKind.Utc);
        var fireAtUtc = new DateTimeOffset(utc);
        var action = new OrchestratorAction(_nextSequenceNumber++, ActionKind.CreateTimer, "timer", null) { FireAt = fireAtUtc };
        var task = Schedule<object?>(action);
        if (cancellationToken.CanBeCanceled)
            cancellationToken.Register(() =>
            {
                if (_openTasks.Remove(action.Id, out var open)) open.Cancel();
            });
        return task;
    }

    public override void SendEvent(string instanceId, string eventName, object? payload)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        var serialized = converter.Serialize(payload, $"The payload of event '{eventName}'");
        _unmatchedActions.Add(_nextSequenceNumber, new OrchestratorAction(_nextSequenceNumber++, ActionKind.SendEvent, eventName, serialized) { TargetInstanceId = instanceId });
    }

    public override void SetCustomStatus(object? customStatus) =>
        SerializedCustomStatus = converter.Serialize(customStatus, "The custom status");

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) =>
        ContinueAsNewRequest = new ContinueAsNewRequest(converter.Serialize(newInput, "The ContinueAsNew input"), preserveUnprocessedEvents);

    public override Guid NewGuid() =>
        DeterministicGuid.Create($"{instanceId}_{CurrentTime.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffffffZ}_{_guidCounter++}");

    private Task<TResult> Schedule<TResult>(OrchestratorAction action)
    {
        var open = new OpenTask<TResult>(action.Name, action.Id, converter);
        _unmatchedActions.Add(action.Id, action);
        _openTasks.Add(action.Id, open);
        return open.Task;
    }

    private async Task<TResult> WithRetries<TResult>(TaskOptions? options, Func<Task<TResult>> attempt)
    {
        var policy = options?.Retry?.Policy;
        if (policy is null) return await attempt();
        var firstAttemptAt = CurrentTime;
        for (var attemptNumber = 1; ; attemptNumber++)
        {
            TaskFailedException failure;
            try
            {
                return await attempt();
            }
            catch (TaskFailedException ex)
            {
                failure = ex;
            }
            var delay = policy.GetDelay(attemptNumber);
            var outOfTime = policy.RetryTimeout != Timeout.InfiniteTimeSpan && CurrentTime + delay > firstAttemptAt + policy.RetryTimeout;
            if (attemptNumber >= policy.MaxNumberOfAttempts || outOfTime || !policy.HandleFailure(failure.FailureDetails))
                throw failure;
            await CreateTimer(delay, CancellationToken.None);
        }
    }
}

internal sealed record ContinueAsNewRequest(string? Input, bool PreserveUnprocessedEvents);
