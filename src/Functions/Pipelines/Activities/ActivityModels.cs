using Serverless.Core.Integrations.GitHub;
using Serverless.Core.Pipelines;
using Serverless.Core.Security;

namespace Serverless.Functions.Pipelines.Activities;

public sealed record CheckoutOutcome(string Workspace, PipelineDefinition? Pipeline, IReadOnlyList<string> Errors);

public sealed record StepInput
{
    public required string RunId { get; init; }
    public required string Workspace { get; init; }
    /// <summary>The stage name users see; also names the log.</summary>
    public required string Stage { get; init; }
    public required string Command { get; init; }
    public string WorkingDirectory { get; init; } = ".";
    public required TimeSpan Timeout { get; init; }
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
    /// <summary>The stage whose log this step writes, when it is part of another stage (a build's tests); else its own.</summary>
    public string? LogStage { get; init; }
    /// <summary>Adds to that log instead of starting it afresh.</summary>
    public bool AppendToLog { get; init; }
}

public sealed record StepOutcome(string Stage, bool Succeeded, int ExitCode, bool TimedOut, string LogName, IReadOnlyList<string> Tail, double Seconds)
{
    public string Describe() => TimedOut ? $"'{Stage}' timed out" : $"'{Stage}' failed with exit code {ExitCode}";
}

public sealed record SecretScanInput(string RunId, string Workspace, IReadOnlyList<Severity> Block);

public sealed record SecretScanOutcome(bool Passed, string Summary, string SarifName, int Findings);

public sealed record BuildInput(string RunId, string Workspace, ServiceDefinition Service);

public sealed record BuildOutcome(string Service, bool Succeeded, string? ReleaseDirectory, string? LogName, string Detail);

public sealed record DeployInput
{
    public required string RunId { get; init; }
    public required string Environment { get; init; }
    public required ServiceDefinition Service { get; init; }
    public required string Version { get; init; }
    public required string ReleaseDirectory { get; init; }
    public required HealthCheckDefinition Health { get; init; }
    /// <summary>False starts the version as the candidate in the idle slot (blue-green); true moves traffic to it.</summary>
    public bool ShiftTraffic { get; init; } = true;
}

public sealed record RollbackInput(string Environment, string Service);

public sealed record CommitStatusInput(PipelineRun Run, string Context, CommitState State, string Description);

public sealed record DeploymentRecordInput(PipelineRun Run, string Environment, long? DeploymentId, DeploymentState State, string? EnvironmentUrl, string Description);

public sealed record NotificationInput(PipelineRun Run, string? SlackSetting, string? Environment, bool Succeeded, string? Reason, TimeSpan Duration);
