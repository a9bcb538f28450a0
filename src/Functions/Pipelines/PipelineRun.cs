namespace Serverless.Functions.Pipelines;

public enum RunTrigger { Push, PullRequest }

/// <summary>What a pipeline run was started for: the input of <see cref="PipelineOrchestrator"/>.</summary>
public sealed record PipelineRun
{
    public required string RunId { get; init; }
    public required RunTrigger Trigger { get; init; }
    /// <summary>owner/name, as GitHub spells it.</summary>
    public required string Repository { get; init; }
    public required string Branch { get; init; }
    public required string CommitSha { get; init; }
    public string? CommitMessage { get; init; }
    public string? Author { get; init; }
    /// <summary>Who pushed; they may not approve their own change.</summary>
    public string? Pusher { get; init; }
    public int? PullRequestNumber { get; init; }
    public required string DeliveryId { get; init; }
    /// <summary>When the webhook arrived; deployments to one environment happen in this order.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    public string Owner => Repository.Split('/')[0];
    public string Name => Repository.Split('/')[1];
    public string ShortSha => CommitSha.Length > 7 ? CommitSha[..7] : CommitSha;
}
