namespace Serverless.Core.Pipelines;

/// <summary>Quality gates run in parallel before the builds.</summary>
public sealed record ChecksDefinition
{
    public IReadOnlyList<CommandStep> Steps { get; init; } = [];
    public CoverageRequirement? Coverage { get; init; }
}

/// <summary>The line coverage the pipeline reports against, in percent (0–100).</summary>
public sealed record CoverageRequirement
{
    public required double Minimum { get; init; }
}
