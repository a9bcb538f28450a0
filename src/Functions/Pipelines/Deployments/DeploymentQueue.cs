namespace Serverless.Functions.Pipelines.Deployments;

public enum QueueMessageKind { Request, Release }

/// <summary>A run asking for (or giving back) the right to deploy to one environment.</summary>
public sealed record QueueMessage(QueueMessageKind Kind, string RunId, DateTimeOffset ReceivedAt);

/// <summary>The queue's state, carried from one ContinueAsNew to the next.</summary>
public sealed record QueueState
{
    public QueueMessage? Holder { get; init; }
    /// <summary>At most one: a newer request supersedes an older waiting one.</summary>
    public QueueMessage? Waiting { get; init; }
    /// <summary>The newest run ever given the slot: no run pushed before it deploys after it.</summary>
    public QueueMessage? LastGranted { get; init; }
}

public static class DeploymentQueue
{
    public const string OrchestratorName = "DeploymentQueue";
    public const string QueueEvent = "Queue";
    public const string SlotEvent = "DeploymentSlot";
    public const string Granted = "granted";
    public const string Superseded = "superseded";

    public static string InstanceIdFor(string repository, string environment) =>
        $"deploy-queue-{repository.Replace('/', '.')}-{environment}".ToLowerInvariant();

    /// <summary>
    /// The pure decision: who holds the slot, who waits, and which runs are told what. Deployments go in the order
    /// pushes arrived: a run that has not started deploying is superseded by a newer one, and a run pushed before one
    /// that was already given the slot is refused, so an older commit never goes live over a newer one.
    /// </summary>
    public static (QueueState Next, IReadOnlyList<(string RunId, string Decision)> Notices) Apply(QueueState state, QueueMessage message)
    {
        var notices = new List<(string, string)>();
        switch (message.Kind)
        {
            case QueueMessageKind.Request when state.Holder?.RunId == message.RunId || state.Waiting?.RunId == message.RunId:
                return (state, notices);
            case QueueMessageKind.Request when state.LastGranted?.ReceivedAt > message.ReceivedAt || state.Waiting?.ReceivedAt > message.ReceivedAt:
                notices.Add((message.RunId, Superseded));
                return (state, notices);
            case QueueMessageKind.Request when state.Holder is null:
                notices.Add((message.RunId, Granted));
                return (state with { Holder = message, LastGranted = message }, notices);
            case QueueMessageKind.Request:
                if (state.Waiting is { } older) notices.Add((older.RunId, Superseded));
                return (state with { Waiting = message }, notices);
            case QueueMessageKind.Release when state.Holder?.RunId == message.RunId:
                if (state.Waiting is { } next) notices.Add((next.RunId, Granted));
                return (state with { Holder = state.Waiting, Waiting = null, LastGranted = state.Waiting ?? state.LastGranted }, notices);
            case QueueMessageKind.Release when state.Waiting?.RunId == message.RunId:
                return (state with { Waiting = null }, notices);
            default:
                return (state, notices);
        }
    }
}
