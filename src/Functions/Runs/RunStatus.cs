namespace Serverless.Functions.Runs;

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<StageState>))]
public enum StageState { Pending, Running, Succeeded, Failed, Skipped }

/// <summary>One stage of a run as users see it: checks, scans, builds, deploy, health, smoke, rollback.</summary>
public sealed record StageRecord
{
    public required string Name { get; init; }
    /// <summary>Stages of the same group ran side by side (e.g. every check, every service build).</summary>
    public required string Group { get; init; }
    public required StageState State { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public string? Detail { get; init; }
    /// <summary>Artifact name of the step's log, for GET /api/runs/{id}/logs/{step}.</summary>
    public string? LogName { get; init; }
}

/// <summary>
/// A run's progress, kept as the orchestration's custom status so every client (the run API, the dashboard, the
/// Durable Functions monitor) sees the same thing without another store.
/// </summary>
public sealed record RunStatus
{
    public required string Stage { get; init; }
    public IReadOnlyList<StageRecord> Stages { get; init; } = [];
    public string? Environment { get; init; }
    /// <summary>How the environment is deployed to, once the run got that far.</summary>
    public Serverless.Core.Pipelines.DeploymentStrategy? Strategy { get; init; }
    public IReadOnlyList<string> Services { get; init; } = [];
    public string? DeployedVersion { get; init; }
    /// <summary>Every decision the environment's approval gate took, once it closed.</summary>
    public IReadOnlyList<Serverless.Core.Gates.ApprovalDecision> Approvals { get; init; } = [];
    public string? Result { get; init; }
    public string? Reason { get; init; }
}
