namespace Serverless.Runtime.Durable;

/// <summary>Options for scheduling an activity or sub-orchestration.</summary>
public record TaskOptions(TaskRetryOptions? Retry = null)
{
    public static TaskOptions FromRetryPolicy(RetryPolicy policy) => new(new TaskRetryOptions(policy));

    public static SubOrchestrationOptions WithInstanceId(string instanceId) => new(instanceId);
}

/// <summary>Options for a sub-orchestration: its instance id (default: a deterministic new GUID) and retries.</summary>
public record SubOrchestrationOptions(string? InstanceId = null, TaskRetryOptions? Retry = null) : TaskOptions(Retry);

/// <summary>How a failed task is retried.</summary>
public sealed record TaskRetryOptions(RetryPolicy Policy);

/// <summary>Options for starting a new orchestration instance.</summary>
public sealed record StartOrchestrationOptions(string? InstanceId = null, DateTimeOffset? StartAt = null);
