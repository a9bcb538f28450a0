namespace Serverless.Runtime.Durable;

/// <summary>An activity or sub-orchestration failed; <see cref="FailureDetails"/> says how.</summary>
public sealed class TaskFailedException(string taskName, int taskId, TaskFailureDetails failureDetails)
    : Exception($"Task '{taskName}' (#{taskId}) failed with an unhandled exception: {failureDetails.ErrorMessage}")
{
    public string TaskName { get; } = taskName;
    public int TaskId { get; } = taskId;
    public TaskFailureDetails FailureDetails { get; } = failureDetails;
}

/// <summary>Replaying the orchestrator's code scheduled something other than what its history holds.</summary>
public sealed class NonDeterministicOrchestrationException(string message) : Exception(message);

/// <summary>A serialized payload is over the configured limit (<c>Durable:MaxPayloadBytes</c>).</summary>
public sealed class PayloadTooLargeException(string what, int actualBytes, int limitBytes)
    : ArgumentException($"{what} is {actualBytes:N0} bytes when serialized; the limit is {limitBytes:N0} bytes " +
        "(Durable:MaxPayloadBytes). Keep large data in the artifact store and pass its name instead.")
{
    public int ActualBytes { get; } = actualBytes;
    public int LimitBytes { get; } = limitBytes;
}

/// <summary>No orchestrator or activity with this name is registered.</summary>
public sealed class FunctionNotFoundException(string kind, string name, IEnumerable<string> known)
    : ArgumentException($"No {kind} named '{name}' is registered. Registered {kind}s: {string.Join(", ", known.Order())}.")
{
    public string Name { get; } = name;
}
