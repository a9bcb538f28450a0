using Serverless.Runtime.Durable;

namespace Serverless.Runtime.Storage;

/// <summary>An instance with this id exists and has not finished.</summary>
public sealed class InstanceAlreadyExistsException(string instanceId, OrchestrationRuntimeStatus status)
    : InvalidOperationException($"An orchestration with instance id '{instanceId}' already exists and is {status}.")
{
    public string InstanceId { get; } = instanceId;
    public OrchestrationRuntimeStatus Status { get; } = status;
}

/// <summary>No instance with this id exists.</summary>
public sealed class InstanceNotFoundException(string instanceId)
    : InvalidOperationException($"No orchestration instance with id '{instanceId}' exists.")
{
    public string InstanceId { get; } = instanceId;
}

/// <summary>The instance has finished and accepts no more messages.</summary>
public sealed class InstanceFinishedException(string instanceId, OrchestrationRuntimeStatus status)
    : InvalidOperationException($"Orchestration instance '{instanceId}' has already finished ({status}) and accepts no more events.")
{
    public string InstanceId { get; } = instanceId;
    public OrchestrationRuntimeStatus Status { get; } = status;
}

/// <summary>The work item's lock expired and was taken by another worker; its results must be discarded.</summary>
public sealed class WorkItemLockLostException(string what)
    : InvalidOperationException($"The lock on {what} was lost; the work will be redone by whoever holds it now.");
