namespace Serverless.Core.Pipelines;

/// <summary>A shell command run by a runner, stopped when it outlives <see cref="Timeout"/>.</summary>
public sealed record CommandStep
{
    public required string Name { get; init; }
    public required string Command { get; init; }
    public TimeSpan Timeout { get; init; } = PipelineDefaults.StepTimeout;
}
