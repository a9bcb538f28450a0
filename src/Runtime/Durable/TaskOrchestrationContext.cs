using Microsoft.Extensions.Logging;

namespace Serverless.Runtime.Durable;

/// <summary>
/// What an orchestrator sees of the engine, mirroring Microsoft.DurableTask's TaskOrchestrationContext.
/// <para>
/// Orchestrator code is replayed from history every time it makes progress, so it must be deterministic: take time
/// only from <see cref="CurrentUtcDateTime"/>, GUIDs only from <see cref="NewGuid"/>, do I/O only in activities, and
/// await only tasks this context returns (no Task.Run, Task.Delay or ConfigureAwait(false) tricks). Code that changes
/// what it schedules between replays fails the instance with a non-determinism error.
/// </para>
/// </summary>
public abstract class TaskOrchestrationContext
{
    public abstract string Name { get; }
    public abstract string InstanceId { get; }
    /// <summary>The orchestration that started this one as a sub-orchestration, or null.</summary>
    public abstract ParentOrchestrationInstance? Parent { get; }
    /// <summary>The time this step started, the same on every replay.</summary>
    public abstract DateTime CurrentUtcDateTime { get; }
    /// <summary>True while the code is re-executing steps already recorded in history.</summary>
    public abstract bool IsReplaying { get; }

    public abstract T? GetInput<T>();

    /// <summary>Schedules an activity and returns its result; failures surface as <see cref="TaskFailedException"/>.</summary>
    public abstract Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, TaskOptions? options = null);

    public Task CallActivityAsync(string name, object? input = null, TaskOptions? options = null) =>
        CallActivityAsync<object?>(name, input, options);

    /// <summary>Starts an orchestration as a child of this one and returns its output; failures surface as <see cref="TaskFailedException"/>.</summary>
    public abstract Task<TResult> CallSubOrchestratorAsync<TResult>(string orchestratorName, object? input = null, TaskOptions? options = null);

    public Task CallSubOrchestratorAsync(string orchestratorName, object? input = null, TaskOptions? options = null) =>
        CallSubOrchestratorAsync<object?>(orchestratorName, input, options);

    /// <summary>A durable timer: survives restarts, may be of any length. Cancelling it stops the wait (the task is canceled).</summary>
    public abstract Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken);

    public Task CreateTimer(TimeSpan delay, CancellationToken cancellationToken) =>
        CreateTimer(CurrentUtcDateTime.Add(delay), cancellationToken);

    /// <summary>
    /// Waits for an event raised on this instance. Names are case-insensitive; events that arrived before the wait
    /// are buffered and delivered in order. Cancelling the token cancels the wait.
    /// </summary>
    public abstract Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default);

    /// <summary>Waits for an event at most <paramref name="timeout"/>; on timeout the task throws <see cref="TaskCanceledException"/>.</summary>
    public async Task<T> WaitForExternalEvent<T>(string eventName, TimeSpan timeout)
    {
        using var timerCancellation = new CancellationTokenSource();
        using var eventCancellation = new CancellationTokenSource();
        var timeoutTask = CreateTimer(timeout, timerCancellation.Token);
        var eventTask = WaitForExternalEvent<T>(eventName, eventCancellation.Token);
        var winner = await Task.WhenAny(timeoutTask, eventTask);
        if (winner == eventTask) timerCancellation.Cancel();
        else eventCancellation.Cancel();
        return await eventTask;
    }

    /// <summary>Raises an event on another instance (fire and forget; dropped if that instance does not exist).</summary>
    public abstract void SendEvent(string instanceId, string eventName, object? payload);

    /// <summary>Sets the status shown to clients; written when this step commits.</summary>
    public abstract void SetCustomStatus(object? customStatus);

    /// <summary>Restarts this instance with a new input and an empty history once the orchestrator returns.</summary>
    public abstract void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true);

    /// <summary>A GUID that is the same on every replay (name-based UUIDv5, as Durable Functions makes it).</summary>
    public abstract Guid NewGuid();

    /// <summary>A logger that writes only when the code is not replaying, so each message appears once.</summary>
    public ILogger CreateReplaySafeLogger(string categoryName) => new ReplaySafeLogger(this, LoggerFactory.CreateLogger(categoryName));

    public ILogger CreateReplaySafeLogger<T>() => CreateReplaySafeLogger(typeof(T).FullName ?? typeof(T).Name);

    protected abstract ILoggerFactory LoggerFactory { get; }

    private sealed class ReplaySafeLogger(TaskOrchestrationContext context, ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => !context.IsReplaying && inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!context.IsReplaying) inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}

public sealed record ParentOrchestrationInstance(string Name, string InstanceId);
