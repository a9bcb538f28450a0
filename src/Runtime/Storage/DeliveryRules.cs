using Serverless.Runtime.Durable.History;

namespace Serverless.Runtime.Storage;

/// <summary>Which inbox messages a store hands out, shared so every store delivers alike.</summary>
internal static class DeliveryRules
{
    public static bool IsDeliverableWhileSuspended(HistoryEvent message) =>
        message is ExecutionResumedEvent or ExecutionTerminatedEvent;

    /// <summary>An instance scheduled to start later holds its events until it starts, but can be terminated meanwhile.</summary>
    public static bool IsDeliverableBeforeStart(HistoryEvent message) =>
        message is ExecutionStartedEvent or ExecutionTerminatedEvent;
}
