namespace Serverless.Core.Pipelines;

/// <summary>How a deploy decides the new version is up.</summary>
public sealed record HealthCheckDefinition
{
    /// <summary>Null: each service's own <see cref="ServiceDefinition.Health"/> path.</summary>
    public string? Path { get; init; }

    /// <summary>How long the new version has to answer <see cref="ExpectedStatus"/>.</summary>
    public TimeSpan Timeout { get; init; } = PipelineDefaults.HealthTimeout;

    public int ExpectedStatus { get; init; } = PipelineDefaults.ExpectedStatus;
}
