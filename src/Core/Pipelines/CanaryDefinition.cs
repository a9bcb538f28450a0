namespace Serverless.Core.Pipelines;

/// <summary>Traffic steps of a canary and the limits its analysis holds each step to.</summary>
public sealed record CanaryDefinition
{
    /// <summary>Percent of traffic on the new version at each step; strictly increasing, ending at 100.</summary>
    public IReadOnlyList<int> Steps { get; init; } = PipelineDefaults.CanarySteps;

    /// <summary>How long each step is watched before the next one.</summary>
    public TimeSpan Interval { get; init; } = PipelineDefaults.CanaryInterval;

    /// <summary>Percent (0–100) of failed requests above which the canary is rolled back.</summary>
    public double MaxErrorRate { get; init; } = PipelineDefaults.CanaryMaxErrorRate;

    /// <summary>An absolute p95 latency limit; null when the file sets none.</summary>
    public TimeSpan? MaxLatencyP95 { get; init; }
}
