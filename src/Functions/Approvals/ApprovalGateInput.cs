using Serverless.Core.Gates;
using Serverless.Core.Pipelines;

namespace Serverless.Functions.Approvals;

/// <summary>What <see cref="ApprovalGateOrchestrator"/> is opened with; <see cref="Teams"/> is the <c>PIPELINES_TEAMS</c> setting when the run reached the gate.</summary>
public sealed record ApprovalGateInput(string RunId, string Repository, string CommitSha, string Environment, string? Pusher, ApprovalPolicy Policy, string? Teams)
{
    /// <summary>
    /// Whether the gate asks if its run has ended before each reminder. Set on every gate opened now; gates opened by an
    /// earlier version lack it and keep the history they were recorded with.
    /// </summary>
    public bool ChecksRunBeforeReminding { get; init; }
}

/// <summary>The gate's custom status: what the approvals API validates against and lists.</summary>
public sealed record ApprovalGateStatus(string Text, string RunId, string Repository, string CommitSha, string Environment, string? Teams, ApprovalGateState State);

/// <summary>The payload of the <see cref="ApprovalGates.DecisionEvent"/> event.</summary>
public sealed record ApprovalEvent(string Approver, ApprovalChoice Choice, string? Comment);

public static class ApprovalGates
{
    public const string DecisionEvent = "Approval";
    public const string InstancePrefix = "approval-";

    public static string InstanceIdFor(string runId, string environment) => $"{InstancePrefix}{runId}-{environment.ToLowerInvariant()}";
}
