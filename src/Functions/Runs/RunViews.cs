using System.Text.Json;
using Serverless.Functions.Pipelines;
using Serverless.Runtime.Durable;

namespace Serverless.Functions.Runs;

/// <summary>A run as the run API lists it.</summary>
public sealed record RunSummary(
    string Id,
    string Repository,
    string Branch,
    string Commit,
    string? Author,
    string? Message,
    string Trigger,
    string Status,
    string Stage,
    string? Environment,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt,
    double DurationSeconds);

/// <summary>A run with its stages, as GET /api/runs/{id} returns it.</summary>
public sealed record RunDetail(
    RunSummary Run,
    IReadOnlyList<StageRecord> Stages,
    IReadOnlyList<string> Services,
    string? DeployedVersion,
    string? Reason,
    IReadOnlyList<object> Approvals,
    Serverless.Functions.Approvals.PendingApproval? PendingApproval = null);

public static class RunViews
{
    public const string InstancePrefix = "run-";

    public static string InstanceIdFor(string deliveryId) => InstancePrefix + deliveryId;

    /// <summary>What to ask the store for when listing runs: runs only, not their gates, deployments or timers.</summary>
    public static readonly IReadOnlyCollection<string> OrchestrationNames = [nameof(PipelineOrchestrator)];

    /// <summary>The instance when it is a pipeline run (webhook-started or restarted under a new id), else null.</summary>
    public static OrchestrationMetadata? AsRun(OrchestrationMetadata? instance) =>
        instance?.Name == nameof(PipelineOrchestrator) ? instance : null;

    public static RunStatus? StatusOf(OrchestrationMetadata instance) => instance.ReadCustomStatusAs<RunStatus>();

    public static PipelineRun? InputOf(OrchestrationMetadata instance)
    {
        try
        {
            return instance.ReadInputAs<PipelineRun>();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Every name <see cref="StatusName"/> gives: the orchestration's states and the pipeline's results.</summary>
    public static readonly IReadOnlyList<string> StatusNames = ["Queued", "Running", "Succeeded", "Failed", "Canceled", "Validated", "Built", "Superseded"];

    /// <summary>What users call the run's state: the orchestration's, refined by the pipeline's own result.</summary>
    public static string StatusName(OrchestrationMetadata instance, RunStatus? status) => instance.RuntimeStatus switch
    {
        OrchestrationRuntimeStatus.Completed => status?.Result ?? "Succeeded",
        OrchestrationRuntimeStatus.Failed => "Failed",
        OrchestrationRuntimeStatus.Terminated or OrchestrationRuntimeStatus.Canceled => "Canceled",
        OrchestrationRuntimeStatus.Pending => "Queued",
        _ => "Running",
    };

    public static RunSummary? Summarize(OrchestrationMetadata instance, DateTimeOffset now)
    {
        if (InputOf(instance) is not { } run) return null;
        var status = StatusOf(instance);
        var end = instance.IsCompleted ? instance.LastUpdatedAt : now;
        return new RunSummary(instance.InstanceId, run.Repository, run.Branch, run.CommitSha, run.Author, FirstLine(run.CommitMessage),
            run.Trigger.ToString(), StatusName(instance, status), status?.Stage ?? "queued", status?.Environment,
            instance.CreatedAt, instance.LastUpdatedAt, Math.Round((end - instance.CreatedAt).TotalSeconds, 1));
    }

    public static RunDetail? Detail(OrchestrationMetadata instance, DateTimeOffset now)
    {
        if (Summarize(instance, now) is not { } summary) return null;
        var status = StatusOf(instance);
        var reason = status?.Reason ?? instance.FailureDetails?.ErrorMessage;
        return new RunDetail(summary, status?.Stages ?? [], status?.Services ?? [], status?.DeployedVersion, reason, status?.Approvals ?? []);
    }

    private static string? FirstLine(string? message) => message?.Split('\n', 2)[0];
}
