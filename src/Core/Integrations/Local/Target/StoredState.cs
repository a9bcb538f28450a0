namespace Serverless.Core.Integrations.Local.Target;

/// <summary>state.json: enough to start every live, previous and candidate version again after the host restarts.</summary>
internal sealed record StoredState
{
    public const int CurrentSchema = 1;

    public int Schema { get; init; } = CurrentSchema;

    public List<StoredService> Services { get; init; } = [];
}

internal sealed record StoredService
{
    public required string Environment { get; init; }

    public required string Service { get; init; }

    public StoredVersion? Live { get; init; }

    public StoredVersion? Previous { get; init; }

    public StoredVersion? Candidate { get; init; }

    public int CandidatePercent { get; init; }

    public DateTimeOffset Since { get; init; }
}

internal sealed record StoredVersion
{
    public required string Version { get; init; }

    /// <summary>Marks the process (an environment variable) so a later host can tell its own orphans from unrelated processes.</summary>
    public required string InstanceId { get; init; }

    public required string Slot { get; init; }

    public required int Port { get; init; }

    public int? ProcessGroupId { get; init; }

    public required string ReleaseDirectory { get; init; }

    public required string RunCommand { get; init; }

    public required string HealthPath { get; init; }

    public required int ExpectedStatus { get; init; }

    public required TimeSpan HealthTimeout { get; init; }

    public Dictionary<string, string> Variables { get; init; } = [];

    public required string LogName { get; init; }

    public required DateTimeOffset StartedAt { get; init; }
}
