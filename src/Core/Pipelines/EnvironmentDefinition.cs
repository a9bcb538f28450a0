namespace Serverless.Core.Pipelines;

/// <summary>Where a branch deploys, how, and what must hold before and after.</summary>
public sealed record EnvironmentDefinition
{
    public required string Name { get; init; }

    /// <summary>An exact branch name, or a pattern where <c>*</c> matches within one path segment and <c>**</c> across them.</summary>
    public required string Branch { get; init; }

    public DeploymentStrategy Strategy { get; init; } = PipelineDefaults.Strategy;
    public string Target { get; init; } = PipelineDefaults.Target;

    /// <summary>Null when the environment deploys without waiting for anyone.</summary>
    public ApprovalPolicy? Approvals { get; init; }

    /// <summary>Run against the environment after each deploy; names of checks resolve to those checks' commands.</summary>
    public IReadOnlyList<CommandStep> Tests { get; init; } = [];

    /// <summary>Run against the new version before it takes traffic; the runner sets <c>TARGET_URL</c>.</summary>
    public IReadOnlyList<CommandStep> SmokeTests { get; init; } = [];

    public HealthCheckDefinition Health { get; init; } = new();

    /// <summary>Set exactly when <see cref="Strategy"/> is <see cref="DeploymentStrategy.Canary"/>.</summary>
    public CanaryDefinition? Canary { get; init; }
}
