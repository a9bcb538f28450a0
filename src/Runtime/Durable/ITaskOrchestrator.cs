namespace Serverless.Runtime.Durable;

/// <summary>An orchestrator the engine can run: typed input in, typed output out.</summary>
public interface ITaskOrchestrator
{
    Type InputType { get; }
    Task<object?> RunAsync(TaskOrchestrationContext context, object? input);
}

/// <summary>Base class for class-based orchestrators.</summary>
public abstract class TaskOrchestrator<TInput, TOutput> : ITaskOrchestrator
{
    Type ITaskOrchestrator.InputType => typeof(TInput);

    async Task<object?> ITaskOrchestrator.RunAsync(TaskOrchestrationContext context, object? input) =>
        await RunAsync(context, input is null ? default! : (TInput)input);

    public abstract Task<TOutput> RunAsync(TaskOrchestrationContext context, TInput input);
}

/// <summary>An activity the engine can run.</summary>
public interface ITaskActivity
{
    Type InputType { get; }
    Task<object?> RunAsync(TaskActivityContext context, object? input);
}

/// <summary>Base class for class-based activities.</summary>
public abstract class TaskActivity<TInput, TOutput> : ITaskActivity
{
    Type ITaskActivity.InputType => typeof(TInput);

    async Task<object?> ITaskActivity.RunAsync(TaskActivityContext context, object? input) =>
        await RunAsync(context, input is null ? default! : (TInput)input);

    public abstract Task<TOutput> RunAsync(TaskActivityContext context, TInput input);
}

/// <summary>What an activity knows about its invocation.</summary>
public abstract class TaskActivityContext
{
    public abstract string Name { get; }
    public abstract string InstanceId { get; }
    /// <summary>Sequence number of the call in its orchestration; with <see cref="InstanceId"/> it identifies the call across retries of delivery.</summary>
    public abstract int TaskId { get; }
    /// <summary>A key stable across redeliveries of this call, for idempotent side effects.</summary>
    public string IdempotencyKey => $"{InstanceId}:{TaskId}";
    public abstract CancellationToken CancellationToken { get; }
}
