namespace Serverless.Core.Pipelines;

/// <summary>One service of the build matrix.</summary>
public sealed record ServiceDefinition
{
    public required string Name { get; init; }

    /// <summary>Relative to the repository root; never outside it.</summary>
    public string Path { get; init; } = PipelineDefaults.ServicePath;

    public CommandStep? Build { get; init; }
    public CommandStep? Test { get; init; }

    /// <summary>How the local target starts the built service (it reads <c>PORT</c>); present whenever an environment exists.</summary>
    public string? Run { get; init; }

    public string Health { get; init; } = PipelineDefaults.HealthPath;
    public int? Port { get; init; }
}
