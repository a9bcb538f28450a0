using Serverless.Core.Security;

namespace Serverless.Core.Pipelines;

/// <summary>The values pipeline.yml gets when a key is left out (documented in docs/pipeline-reference.md).</summary>
public static class PipelineDefaults
{
    public const string ServicePath = ".";
    public const string HealthPath = "/health";
    public const string Target = "local";
    public const DeploymentStrategy Strategy = DeploymentStrategy.Rolling;
    public const int ExpectedStatus = 200;
    public const double CanaryMaxErrorRate = 5;

    public const int StagingApprovals = 2;
    public const int ProductionApprovals = 3;
    public const int OtherApprovals = 1;

    public static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan HealthTimeout = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan ApprovalTimeout = TimeSpan.FromHours(24);
    public static readonly TimeSpan ProductionApprovalTimeout = TimeSpan.FromHours(72);
    public static readonly TimeSpan CanaryInterval = TimeSpan.FromMinutes(5);

    public static IReadOnlyList<int> CanarySteps { get; } = [10, 50, 100];
    public static IReadOnlyList<Severity> BlockedSeverities { get; } = [Severity.Critical, Severity.High];

    /// <summary>Approvals for an environment that says <c>approvals: {}</c>: 3 in 72h for production, 2 in 24h for staging, 1 in 24h elsewhere.</summary>
    public static ApprovalPolicy ApprovalsFor(string environmentName) => environmentName.ToLowerInvariant() switch
    {
        "production" => new ApprovalPolicy { Required = ProductionApprovals, Timeout = ProductionApprovalTimeout },
        "staging" => new ApprovalPolicy { Required = StagingApprovals, Timeout = ApprovalTimeout },
        _ => new ApprovalPolicy { Required = OtherApprovals, Timeout = ApprovalTimeout },
    };
}
